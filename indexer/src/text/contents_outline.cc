// The content list and the implementation sections of a document, read
// line by line: list markers ("1.", "a)", "Thứ nhất,", "-"), the
// introduction that opens a list, the lines that end one.
#include <algorithm>
#include <array>
#include <charconv>

#include "text/contents_internal.h"
#include "text/letter_case.h"
#include "vanban/text/normalize.h"

namespace vanban::text::contents_detail {
namespace {

enum class MarkerKind { kArabic, kDecimal, kRoman, kUpperLetter, kLetter, kOrdinalThu, kOrdinalLa, kDash, kPlus };

bool ordered(MarkerKind k) { return k != MarkerKind::kDash && k != MarkerKind::kPlus; }

struct Marker {
  MarkerKind kind = MarkerKind::kDash;
  int ordinal = 0;     // 1-based position for ordered kinds
  std::string number;  // as printed, without trailing punctuation
  std::size_t start = 0;  // byte offset of the marker
  std::size_t body = 0;   // byte offset of the item's first word
};

struct Line {
  std::size_t start = 0, end = 0;  // without the line break
  std::optional<Marker> marker;
};

// Measured on the seeds and phapluat8: lists of up to 14 paragraphs, and
// 12-line implementation sections; these bounds keep a law's work linear.
constexpr std::size_t kMaxParagraphItems = 40;
constexpr std::size_t kMinParagraphItemTokens = 8;
constexpr std::size_t kMaxSectionLines = 80;
constexpr std::size_t kMaxHeadingBytes = 80;  // "IV. TỔ CHỨC THỰC HIỆN KẾ HOẠCH"
constexpr std::size_t kMaxOrdinalBytes = 24;  // "Thứ mười," folded

constexpr std::string_view kNoBreakSpace = "\u00A0";  // web pages indent with it

bool digit(char c) { return c >= '0' && c <= '9'; }
bool space(char c) { return c == ' ' || c == '\t' || c == '\r'; }

bool space_at(std::string_view s, std::size_t p) {
  return space(s[p]) || s.substr(p, kNoBreakSpace.size()) == kNoBreakSpace;
}

// Skips `chars` (ASCII) and, when `chars` has a space, no-break spaces.
std::size_t skip(std::string_view s, std::size_t p, std::string_view chars) {
  const bool spaces = chars.find(' ') != std::string_view::npos;
  while (p < s.size()) {
    if (chars.find(s[p]) != std::string_view::npos) {
      ++p;
    } else if (spaces && s.substr(p, kNoBreakSpace.size()) == kNoBreakSpace) {
      p += kNoBreakSpace.size();
    } else {
      break;
    }
  }
  return p;
}

// Markdown and indentation before a marker: "#### **6. Tổ chức".
std::size_t skip_decoration(std::string_view line, std::size_t p) {
  while (true) {
    const std::size_t q = skip(line, p, " \t\r#>");
    // '*' is emphasis when a word follows it, a bullet when a space does.
    const std::size_t stars = skip(line, q, "*");
    if (stars == q || stars >= line.size() || space_at(line, stars)) return q;
    p = stars;
  }
}

std::optional<Marker> bullet_at(std::string_view line, std::size_t p) {
  static constexpr std::array<std::string_view, 6> kBullets = {
      "-", "+", "*", "\u2013", "\u2014", "\u2022"};
  for (std::string_view b : kBullets) {
    if (line.substr(p, b.size()) != b) continue;
    const std::size_t after = p + b.size();
    if (after >= line.size() || !space_at(line, after)) return std::nullopt;
    Marker m;
    m.kind = b == "+" ? MarkerKind::kPlus : MarkerKind::kDash;
    m.number = std::string(b);
    m.start = p;
    m.body = skip_decoration(line, after);
    return m;
  }
  return std::nullopt;
}

// After "1." / "a)": a space, emphasis or the line's end, and no digit
// ("1.234 hộ" is a number, not an item).
std::optional<std::size_t> after_marker_punct(std::string_view line, std::size_t p) {
  if (p >= line.size() || (line[p] != '.' && line[p] != ')')) return std::nullopt;
  const std::size_t q = skip(line, p + 1, "*");
  if (q < line.size() && !space_at(line, q)) return std::nullopt;
  const std::size_t body = skip_decoration(line, q);
  if (body < line.size() && digit(line[body])) return std::nullopt;
  return body;
}

std::optional<Marker> arabic_at(std::string_view line, std::size_t p) {
  std::size_t q = p;
  while (q < line.size() && q - p < 2 && digit(line[q])) ++q;
  if (q == p || (q < line.size() && digit(line[q]))) return std::nullopt;
  Marker m;
  m.kind = MarkerKind::kArabic;
  // "2.1." and "2.1 ": a decimal (second-level) number.
  while (q + 1 < line.size() && line[q] == '.' && digit(line[q + 1])) {
    m.kind = MarkerKind::kDecimal;
    q = skip(line, q + 1, "0123456789");
  }
  std::optional<std::size_t> body = after_marker_punct(line, q);
  if (!body && m.kind == MarkerKind::kDecimal && q < line.size() && space_at(line, q)) {
    body = skip_decoration(line, q);
  }
  if (!body) return std::nullopt;
  m.number = std::string(line.substr(p, q - p));
  // The last group is this item's position: "2.1" is the first under 2.
  // (npos + 1 is 0: a number without dots is its own last group.)
  const std::string_view last_group = std::string_view(m.number).substr(m.number.rfind('.') + 1);
  const auto [end, error] = std::from_chars(last_group.data(), last_group.data() + last_group.size(), m.ordinal);
  if (error != std::errc() || end != last_group.data() + last_group.size()) return std::nullopt;
  m.start = p;
  m.body = *body;
  return m;
}

int roman_value(std::string_view r) {
  static constexpr std::array<std::string_view, 12> kNumerals = {
      "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"};
  const auto it = std::find(kNumerals.begin(), kNumerals.end(), r);
  return it == kNumerals.end() ? 0 : static_cast<int>(it - kNumerals.begin()) + 1;
}

// "a" -> 1, "đ" -> 5 (Vietnamese alphabetical order), upper case alike;
// the letter's byte length in `len`. 0 if `s` starts with no such letter.
int letter_ordinal(std::string_view s, std::size_t& len, bool& lower) {
  static constexpr std::array<std::string_view, 23> kLetters = {
      "a", "b", "c", "d", "\u0111", "e", "g", "h", "i", "k", "l", "m",
      "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y"};
  static constexpr std::array<std::string_view, 23> kUpper = {
      "A", "B", "C", "D", "\u0110", "E", "G", "H", "I", "K", "L", "M",
      "N", "O", "P", "Q", "R", "S", "T", "U", "V", "X", "Y"};
  for (std::size_t k = 0; k < kLetters.size(); ++k) {
    for (const auto* alphabet : {&kLetters, &kUpper}) {
      const std::string_view l = (*alphabet)[k];
      if (s.substr(0, l.size()) != l) continue;
      len = l.size();
      lower = alphabet == &kLetters;
      return static_cast<int>(k) + 1;
    }
  }
  return 0;
}

// "II.", "a)", "đ)", "B.".
std::optional<Marker> letter_at(std::string_view line, std::size_t p) {
  std::size_t q = skip(line, p, "IVX");
  Marker m;
  m.kind = MarkerKind::kRoman;
  m.ordinal = roman_value(line.substr(p, q - p));
  if (m.ordinal == 0) {
    std::size_t len = 0;
    bool lower = false;
    m.ordinal = letter_ordinal(line.substr(p), len, lower);
    if (m.ordinal == 0) return std::nullopt;
    m.kind = lower ? MarkerKind::kLetter : MarkerKind::kUpperLetter;
    q = p + len;
  }
  const auto body = after_marker_punct(line, q);
  if (!body) return std::nullopt;
  m.number = std::string(line.substr(p, q - p));
  m.start = p;
  m.body = *body;
  return m;
}

// "Thứ nhất,", "Thứ hai:", "Một là,", "Hai là:".
std::optional<Marker> ordinal_words_at(std::string_view line, std::size_t p) {
  static const PhraseList kThu = phrases(
      {"thu nhat", "thu hai", "thu ba", "thu tu", "thu nam", "thu sau", "thu bay", "thu tam",
       "thu chin", "thu muoi"});
  static const PhraseList kLa = phrases(
      {"mot la", "hai la", "ba la", "bon la", "nam la", "sau la", "bay la", "tam la", "chin la",
       "muoi la"});
  const std::string_view head = line.substr(p, kMaxOrdinalBytes);
  const std::size_t punct = head.find_first_of(",:");
  if (punct == std::string_view::npos) return std::nullopt;
  const std::string folded = fold(head.substr(0, punct));
  for (const auto* list : {&kThu, &kLa}) {
    for (std::size_t k = 0; k < list->size(); ++k) {
      if (folded != (*list)[k][0] + " " + (*list)[k][1]) continue;
      Marker m;
      m.kind = list == &kThu ? MarkerKind::kOrdinalThu : MarkerKind::kOrdinalLa;
      m.ordinal = static_cast<int>(k) + 1;
      m.number = std::string(head.substr(0, punct));
      m.start = p;
      m.body = skip(line, p + punct + 1, " \t*");
      return m;
    }
  }
  return std::nullopt;
}

// The marker a line starts with, offsets relative to the text.
std::optional<Marker> marker_of(std::string_view text, const Line& l) {
  const std::string_view line = text.substr(l.start, l.end - l.start);
  const std::size_t p = skip_decoration(line, 0);
  if (p >= line.size()) return std::nullopt;
  std::optional<Marker> m = bullet_at(line, p);
  if (!m && digit(line[p])) m = arabic_at(line, p);
  if (!m) m = letter_at(line, p);
  if (!m) m = ordinal_words_at(line, p);
  if (m) {
    m->start += l.start;
    m->body += l.start;
  }
  return m;
}

std::vector<Line> split_lines(std::string_view text) {
  std::vector<Line> lines;
  for (std::size_t from = 0; from <= text.size();) {
    const std::size_t nl = std::min(text.find('\n', from), text.size());
    Line l{from, nl, std::nullopt};
    l.marker = marker_of(text, l);
    lines.push_back(std::move(l));
    from = nl + 1;
  }
  return lines;
}

std::string_view content(std::string_view text, const Line& l) {
  std::string_view s = text.substr(l.start, l.end - l.start);
  s.remove_prefix(std::min(s.size(), skip(s, 0, " \t\r*#")));
  while (!s.empty() && (std::string_view(" \t\r*").find(s.back()) != std::string_view::npos ||
                        s.ends_with(kNoBreakSpace))) {
    s.remove_suffix(s.ends_with(kNoBreakSpace) ? kNoBreakSpace.size() : 1);
  }
  return s;
}

bool blank(std::string_view text, const Line& l) { return content(text, l).empty(); }
bool ends_with(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}
bool ends_with_colon(std::string_view text, const Line& l) { return ends_with(content(text, l), ":"); }
// The end mark of an official document: "./." or "/.".
bool ends_document(std::string_view text, const Line& l) { return ends_with(content(text, l), "/."); }

bool contains_any(const std::string& folded, std::initializer_list<std::string_view> words) {
  return std::any_of(words.begin(), words.end(),
                     [&](std::string_view w) { return folded.find(w) != std::string::npos; });
}

// "với những nội dung chủ yếu sau:", "Về nhiệm vụ và giải pháp:".
bool is_intro(std::string_view text, const Line& l) {
  if (!ends_with_colon(text, l)) return false;
  return contains_any(fold(content(text, l)),
                      {"noi dung", "nhiem vu", "giai phap", "bien phap", "trong tam"});
}

// A line that no list runs through: the distribution list, a signature
// block in capitals ("GIÁM ĐỐC", "KT. CHỦ TỊCH"), a law's next article.
bool is_stop_line(std::string_view text, const Line& l) {
  constexpr std::size_t kMaxSignatureBytes = 60;
  const std::string_view c = content(text, l);
  // Folding costs ICU work: only lines that can start "Nơi nhận", "Điều",
  // "Chương" are folded.
  const bool may_name = !c.empty() && (std::string_view("NnCc").find(c[0]) != std::string_view::npos ||
                                       c.substr(0, 2) == "\u0110" || c.substr(0, 2) == "\u0111");
  const std::string folded = may_name ? fold(c.substr(0, kMaxSignatureBytes)) : std::string();
  if (folded.rfind("noi nhan", 0) == 0 || folded.rfind("dieu ", 0) == 0 ||
      folded.rfind("chuong ", 0) == 0) {
    return true;
  }
  return !l.marker && c.size() <= kMaxSignatureBytes && all_upper(c) &&
         c.find_first_of("0123456789") == std::string_view::npos;
}

// "Tổ chức thực hiện", "IV. TỔ CHỨC THỰC HIỆN", "Trách nhiệm thực hiện:".
bool is_section_heading(std::string_view text, const Line& l) {
  const std::size_t from = l.marker ? l.marker->body : l.start;
  std::string_view body = content(text, {from, l.end, std::nullopt});
  while (!body.empty() && (body.back() == ':' || body.back() == '.')) body.remove_suffix(1);
  // Headings start "Tổ chức", "Trách nhiệm", "Phân công" (any case).
  if (body.empty() || body.size() > kMaxHeadingBytes ||
      std::string_view("TtPp").find(body[0]) == std::string_view::npos) {
    return false;
  }
  const std::string folded = fold(body);
  for (std::string_view h : {"to chuc thuc hien", "trach nhiem thuc hien", "phan cong thuc hien",
                             "phan cong nhiem vu", "to chuc trien khai thuc hien"}) {
    if (folded.rfind(h, 0) == 0) return true;
  }
  return false;
}

// The item under a marker, or a paragraph item from `body`.
ContentItem make_item(const DocScan& scan, const Line& l, std::string number, std::size_t from,
                      std::size_t body) {
  ContentItem item;
  item.number = std::move(number);
  item.start = from;
  item.end = from;
  const std::size_t first = scan.token_at(body);
  if (first >= scan.size() || scan.start_of(first) >= l.end) return item;
  const std::size_t last = first_clause_end(scan, first);
  item.text = as_printed(scan.printed(first, last), " ,;:.");
  item.end = scan.span_end(first, last);
  return item;
}

class OutlineReader {
 public:
  OutlineReader(const DocScan& scan, Outline& out)
      : scan_(scan), text_(scan.text()), lines_(split_lines(text_)), out_(out) {}

  void read() {
    for (std::size_t i = 0; i < lines_.size();) {
      if (is_section_heading(text_, lines_[i])) {
        i = read_section(i);
      } else if (is_intro(text_, lines_[i])) {
        i = read_list(next_nonblank(i + 1));
      } else {
        ++i;
      }
    }
  }

 private:
  struct Level {
    MarkerKind kind;
    int last;
    int item;
  };

  std::size_t next_nonblank(std::size_t i) const {
    while (i < lines_.size() && blank(text_, lines_[i])) ++i;
    return i;
  }

  // The list after an introduction, its items nesting under `parent`
  // (-1: a top-level list).
  std::size_t read_list(std::size_t first, int parent = -1) {
    if (first >= lines_.size()) return first;
    return lines_[first].marker ? read_numbered(first, parent) : read_paragraphs(first, parent);
  }

  // Where the marker's kind sits in `stack`, or stack.size().
  static std::size_t level_of(const std::vector<Level>& stack, MarkerKind kind) {
    for (std::size_t k = 0; k < stack.size(); ++k) {
      if (stack[k].kind == kind) return k;
    }
    return stack.size();
  }

  // Places a marker in the list's levels; false if it ends the list: the
  // numbering breaks, or a new kind of marker follows an item that opens
  // nothing.
  static bool place(std::vector<Level>& stack, const Marker& m, bool opens) {
    const std::size_t level = level_of(stack, m.kind);
    if (level < stack.size()) {
      if (ordered(m.kind) && m.ordinal != stack[level].last + 1) return false;
      stack.resize(level + 1);
      stack[level].last = m.ordinal;
      return true;
    }
    if ((!stack.empty() && !opens) || (ordered(m.kind) && m.ordinal != 1)) return false;
    stack.push_back({m.kind, m.ordinal, -1});
    return true;
  }

  std::size_t read_numbered(std::size_t i, int parent) {
    std::vector<Level> stack;
    bool opens = false;  // the last line lets a new kind of marker nest under it
    for (; i < lines_.size(); ++i) {
      const Line& l = lines_[i];
      if (blank(text_, l)) continue;
      if (is_stop_line(text_, l)) break;
      if (l.marker && !place(stack, *l.marker, opens)) break;
      if (is_section_heading(text_, l)) return read_section(i);
      if (l.marker) add_item(stack, l, parent);
      opens = l.marker ? ends_with_colon(text_, l) || heading_like(l) : ends_with_colon(text_, l);
      if (ends_document(text_, l)) return i + 1;
    }
    return i;
  }

  void add_item(std::vector<Level>& stack, const Line& l, int parent) {
    const Marker& m = *l.marker;
    ContentItem item = make_item(scan_, l, m.number, m.start, m.body);
    const int base = parent < 0 ? 0 : out_.contents[static_cast<std::size_t>(parent)].depth + 1;
    item.depth = base + static_cast<int>(stack.size()) - 1;
    item.parent = stack.size() > 1 ? stack[stack.size() - 2].item : parent;
    stack.back().item = static_cast<int>(out_.contents.size());
    push(std::move(item), l);
  }

  // An item and its line, with the lines wrapped into it (they start in
  // lower case).
  void push(ContentItem item, const Line& l) {
    std::size_t end = l.end;
    for (std::size_t k = static_cast<std::size_t>(&l - lines_.data()) + 1; k < lines_.size(); ++k) {
      if (blank(text_, lines_[k])) continue;
      if (lines_[k].marker || !starts_lower(lines_[k])) break;
      end = lines_[k].end;
    }
    out_.contents.push_back(std::move(item));
    out_.item_lines.emplace_back(l.start, end);
  }

  bool starts_lower(const Line& l) const {
    const std::size_t t = scan_.token_at(l.start);
    return t < scan_.size() && scan_.start_of(t) < l.end && scan_.is_word(t) && !scan_.upper(t);
  }

  // A short line without a sentence's end: "2. Nhiệm vụ cụ thể".
  bool heading_like(const Line& l) const {
    const std::string_view c = content(text_, l);
    return c.size() <= kMaxHeadingBytes && !ends_with(c, ".") && !ends_with(c, ";");
  }

  // Paragraph items of a list whose numbers were lost (web pages): each
  // paragraph of at least kMinParagraphItemTokens words that ends a
  // sentence; lines starting in lower case continue the paragraph. An
  // introduction among them ("Về nhiệm vụ và giải pháp:") is an item whose
  // own list nests under it.
  std::size_t read_paragraphs(std::size_t i, int parent) {
    const int depth = parent < 0 ? 0 : out_.contents[static_cast<std::size_t>(parent)].depth + 1;
    std::size_t count = 0;
    for (; i < lines_.size() && count < kMaxParagraphItems; ++i) {
      const Line& l = lines_[i];
      if (blank(text_, l)) continue;
      if (is_stop_line(text_, l) || l.marker || is_section_heading(text_, l)) break;
      if (starts_lower(l)) continue;  // a wrapped line
      const std::size_t first = scan_.token_at(l.start);
      const bool intro = parent < 0 && is_intro(text_, l);
      if (!intro && !paragraph_item(i, first)) break;
      ContentItem item = make_item(scan_, l, "", scan_.start_of(first), l.start);
      item.depth = depth;
      item.parent = parent;
      push(std::move(item), l);
      ++count;
      if (intro) i = read_list(next_nonblank(i + 1), static_cast<int>(out_.contents.size()) - 1) - 1;
      if (ends_document(text_, lines_[i])) return i + 1;
    }
    return i;
  }

  bool paragraph_item(std::size_t line, std::size_t first) const {
    const Line& l = lines_[line];
    std::size_t n = 0;
    for (std::size_t k = first; k < scan_.size() && scan_.start_of(k) < l.end; ++k) ++n;
    if (n < kMinParagraphItemTokens) return false;
    const std::string_view c = content(text_, l);
    const std::size_t next = next_nonblank(line + 1);
    const bool wraps = next < lines_.size() && !lines_[next].marker && starts_lower(lines_[next]);
    return wraps || ends_with(c, ".") || ends_with(c, ";") || ends_with(c, ":") ||
           ends_with(c, "\u2026");
  }

  std::size_t read_section(std::size_t heading) {
    const std::optional<MarkerKind> own_kind =
        lines_[heading].marker ? std::optional(lines_[heading].marker->kind) : std::nullopt;
    bool marked = false;
    Outline::TaskLine org_heading{0, 0};
    std::optional<MarkerKind> org_kind;
    std::size_t i = heading + 1;
    for (; i < lines_.size() && i - heading <= kMaxSectionLines; ++i) {
      const Line& l = lines_[i];
      if (blank(text_, l)) continue;
      if (is_stop_line(text_, l) || (l.marker && l.marker->kind == own_kind)) break;
      if (l.marker) {
        marked = true;
        if (org_kind && l.marker->kind == *org_kind) org_kind.reset();  // the next organisation
        if (organization_heading(l)) {
          org_heading = {l.marker->body, l.end};
          org_kind = l.marker->kind;
          continue;
        }
        Outline::TaskLine t{l.marker->body, l.end};
        if (org_kind) {
          t.heading_start = org_heading.start;
          t.heading_end = org_heading.end;
        }
        out_.task_lines.push_back(t);
      } else if (!marked) {
        out_.task_lines.push_back({l.start, l.end});
      }
      if (ends_document(text_, l)) return i + 1;
    }
    return i;
  }

  // "1. Sở Nội vụ:" alone on its line: the assignee of the items under it.
  bool organization_heading(const Line& l) const {
    const std::size_t first = scan_.token_at(l.marker->body);
    std::size_t last = first;
    while (last < scan_.size() && scan_.start_of(last) < l.end) ++last;
    const std::size_t e = organization_end(scan_, first, last);
    return e > first && e == last && scan_.break_after(e - 1) >= Break::kColon;
  }

  const DocScan& scan_;
  std::string_view text_;
  std::vector<Line> lines_;
  Outline& out_;
};

}  // namespace

Outline read_outline(const DocScan& scan) {
  Outline out;
  OutlineReader(scan, out).read();
  return out;
}

}  // namespace vanban::text::contents_detail
