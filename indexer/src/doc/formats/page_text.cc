#include "doc/formats/page_text.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <map>
#include <set>
#include <string_view>

namespace vanban::doc {
namespace {

// Running headers and footers are looked for in this many rows at the top
// and at the bottom of each page.
constexpr std::size_t kEdgeRows = 2;
// A line recurring (digits aside) among the edge rows of this share of the
// pages, and of two pages at least, is a running header or footer. Books
// and the Công báo alternate two headers (even and odd pages), each on
// half of the pages; 0.4 leaves room for a first page without one.
constexpr double kRunningShare = 0.4;
// A page number stands apart from the text: at least this many line
// heights from the nearest row. In the seed fixtures it is 1.5; lines of
// text are 0.15 apart, paragraphs 0.56.
constexpr double kPageNumberGapEm = 0.8;

// Paragraph breaks (see page_text.h), in line heights of the block:
// a gap this much wider than the block's usual line gap (leading 0.15,
// paragraph spacing 0.56 in the seeds);
constexpr double kParagraphGapEm = 0.25;
// a first line indented this far (1 cm at 13 pt is 2.0);
constexpr double kIndentEm = 0.8;
// a line this much taller or shorter than the one before (a heading's
// font size; OCR line boxes of one font differ by up to 0.2 with the
// diacritics they hold);
constexpr double kSizeChange = 0.3;
// the room a space takes before the next word (a space is 0.24 line
// heights in the seed PDFs; OCR boxes wobble by a few pixels more).
constexpr double kSpaceEm = 0.3;

// The first code point of `s`, or -1.
UChar32 first_char(std::string_view s) {
  if (s.empty()) return -1;
  int32_t i = 0;
  UChar32 c = 0;
  U8_NEXT(s.data(), i, static_cast<int32_t>(std::min<std::size_t>(s.size(), 8)), c);
  return c;
}

// The last code point of `s`, or -1; `*start` gets its byte offset.
UChar32 last_char(std::string_view s, std::size_t* start = nullptr) {
  if (s.empty()) return -1;
  auto i = static_cast<int32_t>(s.size());
  UChar32 c = 0;
  U8_PREV(s.data(), 0, i, c);
  if (start) *start = static_cast<std::size_t>(i);
  return c;
}

bool is_lower_start(std::string_view s) { return u_islower(first_char(s)) != 0; }
bool is_alnum_start(std::string_view s) { return u_isalnum(first_char(s)) != 0; }

// A heading line: letters, none of them lower-case ("ỦY BAN NHÂN DÂN").
bool is_caps_line(std::string_view s) {
  int letters = 0;
  for (int32_t i = 0; i < static_cast<int32_t>(s.size());) {
    UChar32 c = 0;
    U8_NEXT(s.data(), i, static_cast<int32_t>(s.size()), c);
    if (u_islower(c)) return false;
    letters += u_isalpha(c) ? 1 : 0;
  }
  return letters >= 2;
}

// "34-" or "30/2020/" at the end of a line: the symbol goes on in the next.
bool ends_with_glued_break(std::string_view s) {
  std::size_t at = 0;
  const UChar32 last = last_char(s, &at);
  if (last != '-' && last != '/') return false;
  return u_isalnum(last_char(s.substr(0, at))) != 0;
}

// Ends a sentence or announces what follows: . : ; ! ? … (closing quotes
// and brackets after them aside).
bool ends_sentence(std::string_view s) {
  static constexpr std::string_view kClosers[] = {
      "\"", "'", ")", "]", "\xE2\x80\x9D", "\xE2\x80\x99", "\xC2\xBB"};
  bool stripped = true;
  while (stripped && !s.empty()) {
    stripped = false;
    for (const std::string_view closer : kClosers) {
      if (s.size() >= closer.size() && s.substr(s.size() - closer.size()) == closer) {
        s.remove_suffix(closer.size());
        stripped = true;
      }
    }
  }
  const UChar32 c = last_char(s);
  return c == '.' || c == ':' || c == ';' || c == '!' || c == '?' || c == 0x2026;
}

bool starts_with_word(std::string_view s, std::string_view word) {
  return s.size() > word.size() && s.substr(0, word.size()) == word && s[word.size()] == ' ';
}

// "1.", "2)", "1.2.", "IV.", "a)", "đ)" at the start of a line.
bool starts_numbered_item(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size() && (std::isdigit(static_cast<unsigned char>(s[i])) || s[i] == '.')) ++i;
  if (i > 0 && i <= 6 && std::isdigit(static_cast<unsigned char>(s[0])) &&
      (s[i - 1] == '.' || (i < s.size() && s[i] == ')'))) {
    return i == s.size() || s[i] == ' ' || s[i] == ')';
  }
  const std::size_t roman = s.find_first_not_of("IVX");
  if (roman > 0 && roman <= 4 && roman + 1 < s.size() && s[roman] == '.' && s[roman + 1] == ' ') {
    return true;
  }
  const UChar32 c = first_char(s);
  const int32_t len = U8_LENGTH(c);
  return u_islower(c) && s.size() > static_cast<std::size_t>(len) &&
         s[static_cast<std::size_t>(len)] == ')';
}

// Where a paragraph or list item starts, whatever the layout.
bool starts_list_item(std::string_view s) {
  static constexpr std::string_view kStarters[] = {
      "Điều", "Chương", "Mục", "Phần", "Bước", "Căn cứ", "Kính gửi:", "Nơi nhận:", "Xét đề nghị"};
  static constexpr std::string_view kOrdinals[] = {"Thứ nhất,", "Thứ hai,", "Thứ ba,",  "Thứ tư,",
                                                   "Thứ năm,",  "Thứ sáu,", "Thứ bảy,", "Thứ tám,",
                                                   "Thứ chín,", "Thứ mười,"};
  if (s.empty()) return false;
  if ((s[0] == '-' || s[0] == '+' || s[0] == '*') && s.size() > 1 &&
      !std::isdigit(static_cast<unsigned char>(s[1]))) {
    return true;
  }
  if (starts_numbered_item(s)) return true;
  for (const std::string_view w : kStarters) {
    if (starts_with_word(s, w) || s == w) return true;
  }
  for (const std::string_view w : kOrdinals) {
    if (s.substr(0, w.size()) == w) return true;
  }
  return false;
}

struct BlockMetrics {
  Box box;
  double line_height = 0;
  double line_gap = 0;
  bool centered = false;  // lines centred on the block (header cells, titles)
};

BlockMetrics measure(const LayoutBlock& block) {
  BlockMetrics m;
  m.box = block.box;
  std::vector<double> heights, gaps;
  const double middle = (block.box.left + block.box.right) / 2;
  bool all_centered = true, any_inset = false;
  for (std::size_t i = 0; i < block.lines.size(); ++i) {
    const Box& b = block.lines[i].box;
    heights.push_back(b.height());
    if (i > 0) gaps.push_back(std::max(0.0, b.top - block.lines[i - 1].box.bottom));
  }
  m.line_height = median(heights);
  m.line_gap = median(gaps);
  for (const LayoutLine& line : block.lines) {
    const Box& b = line.box;
    all_centered &= std::abs((b.left + b.right) / 2 - middle) <= kSpaceEm * m.line_height;
    any_inset |= b.left > block.box.left + kIndentEm * m.line_height;
  }
  m.centered = all_centered && any_inset;
  return m;
}

// Whether a word `width` wide would have fit at the end of line `i` of
// the block: the room the line leaves before the right edge its
// neighbours reach (or, in centred blocks, their width). Neighbours, not
// the whole block: a block may stack a narrow paragraph on a wide one.
bool word_fits_after(const LayoutBlock& block, std::size_t i, const BlockMetrics& m, double width) {
  const std::size_t from = i > 0 ? i - 1 : 0, to = std::min(i + 2, block.lines.size());
  double right = 0, widest = 0;
  for (std::size_t k = from; k < to; ++k) {
    right = std::max(right, block.lines[k].box.right);
    widest = std::max(widest, block.lines[k].box.width());
  }
  const Box& line = block.lines[i].box;
  const double room = m.centered ? widest - line.width() : right - line.right;
  return width + kSpaceEm * m.line_height < room;
}

enum class Joint { kParagraph, kSpace, kGlued };

bool glued(const LayoutLine& a, const LayoutLine& b) {
  return (a.soft_hyphen_end || ends_with_glued_break(a.text)) && is_alnum_start(b.text);
}

// "- thể thao" after "... văn hóa" mid-sentence: the dash of "văn hóa - thể
// thao" fell at the start of a line. List items start in capitals or
// follow a line that ends a sentence or a clause.
bool dash_inside_sentence(const LayoutLine& a, const LayoutLine& b) {
  return b.text.size() > 2 && b.text[0] == '-' && b.text[1] == ' ' &&
         is_lower_start(std::string_view(b.text).substr(2)) && !ends_sentence(a.text);
}

bool heading_or_item(const LayoutLine& a, const LayoutLine& b) {
  return (starts_list_item(b.text) && !dash_inside_sentence(a, b)) || is_caps_line(a.text) ||
         is_caps_line(b.text);
}

// How line `i` of a block follows line i-1.
Joint joint_in_block(const LayoutBlock& block, std::size_t i, const BlockMetrics& m) {
  const LayoutLine& a = block.lines[i - 1];
  const LayoutLine& b = block.lines[i];
  if (glued(a, b)) return Joint::kGlued;
  const double h = m.line_height;
  const double size_change = std::abs(a.box.height() - b.box.height());
  const bool indented = !m.centered && !is_lower_start(b.text) &&
                        b.box.left - m.box.left > kIndentEm * h &&
                        a.box.left - m.box.left < kIndentEm * h;
  if (heading_or_item(a, b) ||
      size_change > kSizeChange * std::max(a.box.height(), b.box.height()) ||
      b.box.top - a.box.bottom > m.line_gap + kParagraphGapEm * h || indented ||
      word_fits_after(block, i - 1, m, b.first_word_width)) {
    return Joint::kParagraph;
  }
  return Joint::kSpace;
}

// How `b`, the first line of a block or page, follows the last line of
// `prev`: it goes on only mid-sentence, in lower case, after a full line
// (a paragraph running into the next column or page).
Joint joint_across(const LayoutBlock& prev, const BlockMetrics& m, const LayoutLine& b) {
  const LayoutLine& a = prev.lines.back();
  if (glued(a, b)) return Joint::kGlued;
  if (heading_or_item(a, b) || ends_sentence(a.text) || !is_lower_start(b.text) ||
      word_fits_after(prev, prev.lines.size() - 1, m, b.first_word_width)) {
    return Joint::kParagraph;
  }
  return Joint::kSpace;
}

// ---- Running headers, footers and page numbers.

struct LineRef {
  std::size_t block = 0;
  std::size_t line = 0;
  Box box;
};

// A line of the first or last kEdgeRows rows of a page (rows: lines side
// by side), with the gap to the nearest other row.
struct EdgeLine {
  LineRef ref;
  double gap = 0;
};

std::vector<std::vector<LineRef>> rows_of(const PageBlocks& page) {
  std::vector<LineRef> lines;
  for (std::size_t b = 0; b < page.size(); ++b) {
    for (std::size_t l = 0; l < page[b].lines.size(); ++l)
      lines.push_back({b, l, page[b].lines[l].box});
  }
  std::sort(lines.begin(), lines.end(),
            [](const LineRef& x, const LineRef& y) { return x.box.top < y.box.top; });
  std::vector<std::vector<LineRef>> rows;
  double row_bottom = 0;
  for (const LineRef& ref : lines) {
    if (rows.empty() || ref.box.top >= row_bottom - kSpaceEm * ref.box.height()) {
      rows.push_back({});
      row_bottom = ref.box.bottom;
    }
    rows.back().push_back(ref);
    row_bottom = std::max(row_bottom, ref.box.bottom);
  }
  return rows;
}

double row_top(const std::vector<LineRef>& row) {
  double top = row.front().box.top;
  for (const LineRef& r : row) top = std::min(top, r.box.top);
  return top;
}
double row_bottom(const std::vector<LineRef>& row) {
  double bottom = row.front().box.bottom;
  for (const LineRef& r : row) bottom = std::max(bottom, r.box.bottom);
  return bottom;
}

std::vector<EdgeLine> edge_lines(const PageBlocks& page) {
  const auto rows = rows_of(page);
  std::vector<EdgeLine> out;
  constexpr double kNone = 1e300;  // no row on that side
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (i >= kEdgeRows && i + kEdgeRows < rows.size()) continue;
    const double above = i > 0 ? row_top(rows[i]) - row_bottom(rows[i - 1]) : kNone;
    const double below = i + 1 < rows.size() ? row_top(rows[i + 1]) - row_bottom(rows[i]) : kNone;
    for (const LineRef& ref : rows[i]) out.push_back({ref, std::min(above, below)});
  }
  return out;
}

// The line with its digits as '#', ASCII in lower case: the same running
// header on every page, whatever its page number or date.
std::string signature(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (std::isdigit(static_cast<unsigned char>(c))) {
      if (out.empty() || out.back() != '#') out += '#';
    } else if (c != ' ') {
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  return out;
}

// "3", "- 3 -", "(3)", "Trang 3", "Page 3", "3/12", "3 / 12".
bool is_page_number(std::string_view s) {
  const auto trim = [&s](std::string_view chars) {
    while (!s.empty() && chars.find(s.front()) != std::string_view::npos) s.remove_prefix(1);
    while (!s.empty() && chars.find(s.back()) != std::string_view::npos) s.remove_suffix(1);
  };
  trim(" -()[]");
  for (const std::string_view word : {std::string_view("Trang "), std::string_view("trang "),
                                      std::string_view("Page "), std::string_view("page ")}) {
    if (s.substr(0, word.size()) == word) s.remove_prefix(word.size());
  }
  const std::size_t digits = std::min(s.find_first_not_of("0123456789"), s.size());
  if (digits == 0 || digits > 4) return false;
  if (digits == s.size()) return true;
  s.remove_prefix(digits);
  trim(" /");
  return !s.empty() && s.size() <= 4 && s.find_first_not_of("0123456789") == std::string_view::npos;
}

std::map<std::string, std::size_t> count_edge_signatures(const std::vector<PageBlocks>& pages) {
  std::map<std::string, std::size_t> pages_with;
  for (const PageBlocks& page : pages) {
    std::set<std::string> seen;
    for (const EdgeLine& e : edge_lines(page)) {
      seen.insert(signature(page[e.ref.block].lines[e.ref.line].text));
    }
    for (const std::string& s : seen) ++pages_with[s];
  }
  return pages_with;
}

void remove_running_lines(std::vector<PageBlocks>& pages) {
  const auto pages_with = count_edge_signatures(pages);
  const double needed = std::max(2.0, kRunningShare * static_cast<double>(pages.size()));
  for (PageBlocks& page : pages) {
    std::vector<LineRef> drop;
    for (const EdgeLine& e : edge_lines(page)) {
      const LayoutLine& line = page[e.ref.block].lines[e.ref.line];
      const bool running = static_cast<double>(pages_with.at(signature(line.text))) >= needed;
      const bool number =
          is_page_number(line.text) && e.gap >= kPageNumberGapEm * line.box.height();
      if (running || number) drop.push_back(e.ref);
    }
    // Erase from the back so the indices of the rest stay valid.
    std::sort(drop.begin(), drop.end(), [](const LineRef& x, const LineRef& y) {
      return x.block != y.block ? x.block > y.block : x.line > y.line;
    });
    for (const LineRef& ref : drop) {
      auto& lines = page[ref.block].lines;
      lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(ref.line));
    }
    page.erase(std::remove_if(page.begin(), page.end(),
                              [](const LayoutBlock& b) { return b.lines.empty(); }),
               page.end());
  }
}

// ---- Assembly.

class TextBuilder {
 public:
  // Appends line `i` of `block` (measured as `m`); returns the offset
  // where its text starts.
  std::size_t add(const LayoutBlock& block, std::size_t i, const BlockMetrics& m) {
    if (i > 0 || last_block_ != nullptr) {
      const Joint j = i > 0 ? joint_in_block(block, i, m)
                            : joint_across(*last_block_, last_metrics_, block.lines[0]);
      text_ += j == Joint::kGlued ? "" : j == Joint::kSpace ? " " : i == 0 ? "\n\n" : "\n";
    }
    const std::size_t start = text_.size();
    text_ += block.lines[i].text;
    last_block_ = &block;
    last_metrics_ = m;
    return start;
  }
  std::string& text() { return text_; }

 private:
  std::string text_;
  const LayoutBlock* last_block_ = nullptr;  // of the last line added
  BlockMetrics last_metrics_;
};

}  // namespace

PagedText assemble_pages(std::vector<PageBlocks> pages) {
  remove_running_lines(pages);
  TextBuilder builder;
  std::vector<long long> starts;  // -1: a page without text
  for (const PageBlocks& page : pages) {
    long long start = -1;
    for (const LayoutBlock& block : page) {
      const BlockMetrics m = measure(block);
      for (std::size_t i = 0; i < block.lines.size(); ++i) {
        const std::size_t at = builder.add(block, i, m);
        if (start < 0) start = static_cast<long long>(at);
      }
    }
    starts.push_back(start);
  }
  PagedText out;
  out.text = std::move(builder.text());
  out.page_starts.resize(starts.size());
  std::size_t next = out.text.size();
  for (std::size_t i = starts.size(); i-- > 0;) {
    if (starts[i] >= 0) next = static_cast<std::size_t>(starts[i]);
    out.page_starts[i] = next;
  }
  return out;
}

}  // namespace vanban::doc
