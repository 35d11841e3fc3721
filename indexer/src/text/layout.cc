#include "text/layout.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

#include "text/letter_case.h"
#include "vanban/text/chars.h"
#include "vanban/text/outline.h"

namespace vanban::text {
namespace {

constexpr std::string_view kOpenQuote = "\u201C";
constexpr std::string_view kCloseQuote = "\u201D";
// A "Mẫu số ..." line longer than this is prose that names a form, not the
// heading of an annexed template (headings measured on phapluat8 are under
// 40 bytes).
constexpr std::size_t kMaxTemplateHeading = 60;

// Line-start phrases of the preamble and of plans, each a new unit.
constexpr std::string_view kUnitStarts[] = {"Căn cứ", "Thực hiện", "Theo đề nghị", "Xét đề nghị",
                                            "(Kèm theo", "(Ban hành kèm theo", "Triển khai"};

// "Mẫu số 02", "MẪU SỐ 01/TNDN", "Mẫu I.12 Văn bản đề nghị ...": a form's
// heading line; not prose that wraps to start with "Mẫu số 09 ban hành kèm
// theo Nghị định này;".
bool is_form_heading(std::string_view line) {
  if (!(line.starts_with("Mẫu") || line.starts_with("MẪU")) || line.size() > kMaxTemplateHeading ||
      line.ends_with(';') || line.ends_with(',')) {
    return false;
  }
  std::size_t pos = line.find(' ');  // after "Mẫu"
  const std::string_view rest = trim(line.substr(pos == std::string_view::npos ? line.size() : pos));
  if (rest.empty() || rest == "số" || rest == "SỐ") return false;  // a wrapped "... tại Mẫu"
  std::size_t code = rest.starts_with("số ") || rest.starts_with("SỐ ") ? rest.find(' ') + 1 : 0;
  code = rest.find(' ', code);  // after the form's code
  const std::string_view after = code == std::string_view::npos ? "" : trim(rest.substr(code));
  return after.empty() || !starts_lower(after);
}

bool is_roman(std::string_view s) {
  return !s.empty() && s.size() <= 5 && s.find_first_not_of("IVXL") == std::string_view::npos;
}

std::string_view line_from(std::string_view text, std::size_t pos) {
  return text.substr(pos, next_line(text, pos) - pos);
}

// The first line at or after `pos` that has content other than page
// furniture; text.size() if none.
std::size_t next_content_line(std::string_view text, std::size_t pos) {
  while (pos < text.size()) {
    const std::string_view line = line_from(text, pos);
    if (!is_blank(line, true) && !is_page_furniture(trim(line))) return pos;
    pos = next_line(text, pos);
  }
  return text.size();
}

bool starts_new_unit(std::string_view line) {
  const std::string_view t = trim(line);
  if (t.empty()) return false;
  if (marker_at(t).second > 0 || is_heading_line(t)) return true;
  return std::any_of(std::begin(kUnitStarts), std::end(kUnitStarts),
                     [&](std::string_view start) { return t.starts_with(start); });
}

// Is [from, to) nothing but a list marker ("1", "Điều 5", "IV")? A '.' at
// `to` then ends the marker, not a sentence.
// Bytes of a numbered clause marker at the start of `t`: "1. ", "2.1. ",
// "3.2.1. " (groups of at most three digits, each followed by a dot, then
// a space or the end of the line); 0 when there is none. "1.000 người" and
// "12/12/1953" are not markers.
std::size_t numbered_marker_length(std::string_view t) {
  constexpr std::size_t kMaxGroupDigits = 3;
  constexpr int kMaxGroups = 4;
  std::size_t i = 0;
  for (int groups = 0; groups < kMaxGroups; ++groups) {
    const std::size_t digits = t.find_first_not_of("0123456789", i);
    if (digits == i || digits == std::string_view::npos || digits - i > kMaxGroupDigits ||
        t[digits] != '.') {
      return 0;
    }
    i = digits + 1;
    if (i == t.size() || space_at(t, i, true)) return i;
  }
  return 0;
}

bool only_marker(std::string_view text, std::size_t from, std::size_t to) {
  const std::string_view s = trim(text.substr(from, to - from + 1));
  const auto [level, len] = marker_at(s);
  return level != kNoMarker && len >= s.size();
}

}  // namespace

std::pair<int, std::size_t> marker_at(std::string_view line) {
  const std::string_view t = trim(line);
  const std::size_t lead = t.empty() ? 0 : static_cast<std::size_t>(t.data() - line.data());
  auto result = [&](int level, std::size_t len) { return std::make_pair(level, lead + len); };
  // Articles, chapters, parts and sections: the outline's headings.
  if (const std::optional<Heading> h = heading_at(t)) {
    return h->level == OutlineLevel::kArticle ? result(kArticle, h->marker_end)
                                              : result(kSectionLetter, t.size());
  }
  if (!t.empty() && (t[0] == '-' || t[0] == '+') && t.size() > 1 && t[1] == ' ') {
    return result(kDash, 1);
  }
  if (const std::size_t len = numbered_marker_length(t); len > 0) return result(kClause, len);
  const std::size_t dot = t.find_first_of(".)");
  if (dot == std::string_view::npos || dot == 0 || dot > 6) return {kNoMarker, 0};
  const bool spaced = dot + 1 == t.size() || space_at(t, dot + 1, true);
  const std::string_view head = t.substr(0, dot);
  if (!spaced || head.find(' ') != std::string_view::npos) return {kNoMarker, 0};
  if (t[dot] == ')') {
    const bool letter = head.size() <= 2 && (head.size() == 1 ? (head[0] >= 'a' && head[0] <= 'z')
                                                              : head == "đ");
    return letter ? result(kPoint, dot + 1) : std::make_pair(int{kNoMarker}, std::size_t{0});
  }
  if (head.find_first_not_of("0123456789.") == std::string_view::npos) {
    return result(kClause, dot + 1);
  }
  if (is_roman(head)) return result(kRoman, dot + 1);
  if (head.size() == 1 && head[0] >= 'A' && head[0] <= 'Z') return result(kSectionLetter, dot + 1);
  return {kNoMarker, 0};
}

bool is_heading_line(std::string_view line) {
  int letters = 0;
  const auto n = static_cast<int32_t>(line.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(line.data(), i, n, c);
    if (c < 0) return false;
    if (u_islower(c)) return false;
    letters += u_isalpha(c) ? 1 : 0;
  }
  return letters >= 2;
}

// Pairs each closing quote with the latest open one; a quote never closed
// masks nothing (its inner pairs still count), so one stray mark cannot
// hide the rest of a document.
std::vector<Span> quoted_spans(std::string_view text) {
  std::vector<std::size_t> open;
  std::vector<Span> pairs;
  for (std::size_t p = text.find("\xE2\x80", 0); p != std::string_view::npos;
       p = text.find("\xE2\x80", p + 1)) {
    const std::string_view mark = text.substr(p, 3);
    if (mark == kOpenQuote) {
      open.push_back(p);
    } else if (mark == kCloseQuote && !open.empty()) {
      pairs.emplace_back(open.back(), p + kCloseQuote.size());
      open.pop_back();
    }
  }
  std::sort(pairs.begin(), pairs.end());
  std::vector<Span> merged;
  for (const Span& s : pairs) {
    if (!merged.empty() && s.first < merged.back().second) {
      merged.back().second = std::max(merged.back().second, s.second);
    } else {
      merged.push_back(s);
    }
  }
  return merged;
}

bool in_spans(const std::vector<Span>& spans, std::size_t pos) {
  const auto it = std::upper_bound(spans.begin(), spans.end(), Span{pos, SIZE_MAX});
  return it != spans.begin() && pos < std::prev(it)->second;
}

Layout::Layout(std::string_view text) : text_(text) {
  find_quotes();
  find_preamble_end();
  find_templates();
  split_sentences();
}

void Layout::find_quotes() { quotes_ = quoted_spans(text_); }

void Layout::find_preamble_end() {
  preamble_end_ = text_.size();
  for (std::size_t pos = 0; pos < text_.size(); pos = next_line(text_, pos)) {
    if (in_quote(pos)) continue;
    const std::string_view line = trim(line_from(text_, pos));
    const bool article = marker_at(line).first == kArticle && line.starts_with("Điều 1");
    const bool enacting = line == "QUYẾT ĐỊNH:" || line == "QUYẾT NGHỊ:" || line == "NGHỊ QUYẾT:";
    if (article || enacting || line.starts_with("Chương I")) {
      preamble_end_ = pos;
      return;
    }
  }
}

// A template starts at a "Mẫu số ..." heading line after the preamble, or
// at a national motto ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") other than the
// document's own (the first; PDF extraction may move that one below the
// preamble): a form carries a header of its own. It runs to the next annex
// heading, the next chapter, or the end.
void Layout::find_templates() {
  std::size_t open = SIZE_MAX;
  bool own_motto_seen = false;
  for (std::size_t pos = 0; pos < text_.size(); pos = next_line(text_, pos)) {
    const std::string_view line = trim(line_from(text_, pos));
    const bool motto = line.starts_with("CỘNG HÒA XÃ HỘI CHỦ NGHĨA") ||
                       line.starts_with("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA");
    const bool first_motto = motto && !own_motto_seen;
    own_motto_seen |= motto;
    if (pos < preamble_end_ || first_motto) continue;
    const bool form = is_form_heading(line);
    // Forms have no chapters: "Chương III" after a form described in the
    // body ("Mẫu số S1a-HKD") is the document again.
    const bool annex = line.starts_with("PHỤ LỤC") || line.starts_with("Phụ lục") ||
                       line.starts_with("DANH MỤC") || marker_at(line).first == kSectionLetter;
    if (open == SIZE_MAX && (form || motto)) {
      open = pos;
    } else if (open != SIZE_MAX && annex) {
      templates_.emplace_back(open, pos);
      open = SIZE_MAX;
    }
  }
  if (open != SIZE_MAX) templates_.emplace_back(open, text_.size());
}

void Layout::split_sentences() {
  std::size_t start = next_content_line(text_, 0);
  auto close = [&](std::size_t end, char terminator) {
    const std::string_view s = text_.substr(start, end - start);
    const std::string_view content = trim(s);
    if (content.empty()) return;
    const auto [level, len] = marker_at(line_from(text_, start));
    const auto lead = static_cast<std::size_t>(content.data() - s.data());
    sentences_.push_back({start + lead, start + std::max(lead, len), end, terminator, level});
  };
  for (std::size_t p = start; p < text_.size(); ++p) {
    if (in_quote(p)) continue;
    const char c = text_[p];
    if (c == '\n') {
      // Page furniture and blank lines between are skipped, not scanned:
      // the signature stamp has colons ("Thời gian ký: 29.06.2023").
      const std::size_t next = next_content_line(text_, p + 1);
      if (next >= text_.size() || starts_new_unit(line_from(text_, next)) ||
          is_heading_line(trim(line_at(p))) || paragraph_break(p + 1, next)) {
        close(p, '\n');
        start = next;
      }
      p = next - 1;
    } else if ((c == '.' && (p + 1 == text_.size() || space_at(text_, p + 1, true)) &&
                !only_marker(text_, start, p)) ||
               (c == ':' && p + 1 < text_.size() && !(text_[p + 1] >= '0' && text_[p + 1] <= '9'))) {
      close(p, c);
      start = p + 1;
    }
  }
  if (start < text_.size()) close(text_.size(), 0);
}

// A blank line with no page furniture around it ends a paragraph (web
// pages and letters); at a page break of the gazette the sentence goes on.
bool Layout::paragraph_break(std::size_t from, std::size_t next) const {
  bool blank = false;
  for (std::size_t pos = from; pos < next; pos = next_line(text_, pos)) {
    const std::string_view line = trim(line_from(text_, pos));
    if (is_page_furniture(line)) return false;
    blank |= line.empty();
  }
  return blank;
}

std::size_t Layout::sentence_at(std::size_t pos) const {
  const auto it = std::upper_bound(sentences_.begin(), sentences_.end(), pos,
                                   [](std::size_t p, const Sentence& s) { return p < s.start; });
  return it == sentences_.begin() ? 0 : static_cast<std::size_t>(it - sentences_.begin()) - 1;
}

std::string_view Layout::line_at(std::size_t pos) const {
  const std::size_t nl = pos == 0 ? std::string_view::npos : text_.rfind('\n', pos - 1);
  const std::size_t from = nl == std::string_view::npos ? 0 : nl + 1;
  const std::string_view line = line_from(text_, from);
  return line.ends_with('\n') ? line.substr(0, line.size() - 1) : line;
}

}  // namespace vanban::text
