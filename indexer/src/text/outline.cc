#include "vanban/text/outline.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <unordered_map>

#include "text/layout.h"
#include "text/letter_case.h"
#include "vanban/text/chars.h"
#include "vanban/text/normalize.h"

namespace vanban::text {
namespace {

// A title longer than this is cut (with "…") in the outline: the longest
// article titles of the phapluat8 laws are about 250 bytes.
constexpr std::size_t kMaxTitleBytes = 300;
// A line under a bare heading longer than this is its body, not its title.
constexpr std::size_t kMaxNextLineTitleBytes = 250;
// A title wraps over at most this many lines (the chapter titles of Luật
// 41/2024/QH15 take two).
constexpr int kMaxTitleLines = 3;
// "Điều 1234" is the most digits an article number has (Bộ luật Dân sự
// has 689 articles); "Mục 12" fewer.
constexpr std::size_t kMaxNumberDigits = 4;
// Roman chapter and part numbers: "XXVIII" is the longest printed.
constexpr std::size_t kMaxRomanLetters = 7;

struct HeadingWord {
  std::string_view word;  // with its trailing space
  OutlineLevel level;
};

// Longest first where one starts another ("Tiểu mục" before "Mục" does not
// matter: a line starts with one of them only).
constexpr HeadingWord kHeadingWords[] = {
    {"Phần ", OutlineLevel::kPart},          {"PHẦN ", OutlineLevel::kPart},
    {"Chương ", OutlineLevel::kChapter},     {"CHƯƠNG ", OutlineLevel::kChapter},
    {"Mục ", OutlineLevel::kSection},        {"MỤC ", OutlineLevel::kSection},
    {"Tiểu mục ", OutlineLevel::kSubsection}, {"TIỂU MỤC ", OutlineLevel::kSubsection},
    {"Điều ", OutlineLevel::kArticle},       {"ĐIỀU ", OutlineLevel::kArticle},
};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// End of "5", "30a" (an inserted article), "II", or, for a part, "thứ
// nhất" / "THỨ BA" at `i`; `i` itself when there is no number.
std::size_t number_end(std::string_view line, std::size_t i, OutlineLevel level) {
  std::size_t end = i;
  while (end < line.size() && is_digit(line[end]) && end - i < kMaxNumberDigits) ++end;
  if (end > i) {
    if (end < line.size() && line[end] >= 'a' && line[end] <= 'z' &&
        (end + 1 == line.size() || !(line[end + 1] >= 'a' && line[end + 1] <= 'z'))) {
      ++end;  // "Điều 30a", not "Điều 3 ngày"
    }
    return end;
  }
  if (level == OutlineLevel::kArticle) return i;
  while (end < line.size() && std::string_view("IVXLC").find(line[end]) != std::string_view::npos &&
         end - i < kMaxRomanLetters) {
    ++end;
  }
  if (end > i || level != OutlineLevel::kPart) return end;
  const std::string_view rest = line.substr(i);
  if (!rest.starts_with("thứ ") && !rest.starts_with("THỨ ")) return i;
  const std::size_t word = i + rest.find(' ') + 1;
  const std::size_t word_end = line.find_first_of(" .:-", word);
  return word_end == word ? i : std::min(word_end, line.size());
}

// Where the title starts after a label that ends at `end`: past ". ",
// ": ", " - ", " – " and spaces.
std::size_t title_start_after(std::string_view line, std::size_t end) {
  std::size_t i = end;
  while (i < line.size()) {
    const std::string_view rest = line.substr(i);
    if (rest.starts_with("–")) {
      i += std::string_view("–").size();
    } else if (std::string_view(" \t-.:").find(rest[0]) != std::string_view::npos) {
      ++i;
    } else {
      break;
    }
  }
  return i;
}

}  // namespace

std::string_view to_string(OutlineLevel level) {
  switch (level) {
    case OutlineLevel::kPart: return "phan";
    case OutlineLevel::kChapter: return "chuong";
    case OutlineLevel::kSection: return "muc";
    case OutlineLevel::kSubsection: return "tieu-muc";
    case OutlineLevel::kArticle: return "dieu";
  }
  return "dieu";
}

std::optional<Heading> heading_at(std::string_view line) {
  const std::size_t lead = line.find_first_not_of(" \t");
  if (lead == std::string_view::npos) return std::nullopt;
  const std::string_view t = line.substr(lead);
  for (const HeadingWord& hw : kHeadingWords) {
    if (!t.starts_with(hw.word)) continue;
    const std::size_t end = number_end(t, hw.word.size(), hw.level);
    if (end == hw.word.size()) return std::nullopt;
    const bool marked = end < t.size() && (t[end] == '.' || t[end] == ':');
    if (marked && end + 1 < t.size() && is_digit(t[end + 1])) return std::nullopt;  // "Mục 18.5 CDNT"
    // An article is "Điều 5." or "Điều 5:"; "Điều 5 của Luật" is a
    // citation. Other headings may stand alone ("Chương II") or run into
    // their title ("Mục 1 QUY ĐỊNH CHUNG").
    if (hw.level == OutlineLevel::kArticle ? !marked
                                           : !(marked || end == t.size() || t[end] == ' ')) {
      return std::nullopt;
    }
    const std::size_t title = title_start_after(t, end);
    if (starts_lower(t.substr(title))) return std::nullopt;  // "Chương II của Luật này"
    // A chapter's title ends without punctuation: "Chương V Nghị định
    // này." is a citation wrapped onto the line.
    const std::string_view rest = trim(t.substr(title));
    if (hw.level != OutlineLevel::kArticle && !rest.empty() &&
        std::string_view(".;,").find(rest.back()) != std::string_view::npos) {
      return std::nullopt;
    }
    return Heading{hw.level, lead + end, lead + end + (marked ? 1 : 0), lead + title};
  }
  return std::nullopt;
}

namespace {

std::string_view line_at(std::string_view text, std::size_t pos) {
  const std::size_t nl = text.find('\n', pos);
  return text.substr(pos, (nl == std::string_view::npos ? text.size() : nl) - pos);
}

// Does `line` carry `title` on? A title wraps like its first line: an
// upper-case title onto upper-case lines ("QUYỀN, TRÁCH NHIỆM CỦA ... VỀ" /
// "BẢO HIỂM XÃ HỘI ..."), an article's onto a line that starts lower-case
// ("Điều 2. Đối tượng ... bảo hiểm xã hội" / "tự nguyện").
bool continues_title(std::string_view title, std::string_view line) {
  if (line.empty() || heading_at(line) || marker_at(line).second > 0) return false;
  if (title.ends_with('.') || title.ends_with(';') || title.ends_with(':')) return false;
  return is_heading_line(title) ? is_heading_line(line) : starts_lower(line);
}

// The title that starts with `first` on the line at `pos`, with the lines
// that carry it on.
std::string title_from(std::string_view text, std::size_t pos, std::string_view first) {
  std::string title(trim(first));
  for (int lines = 1; lines < kMaxTitleLines && !title.empty(); ++lines) {
    pos = next_line(text, pos);
    const std::string_view line = trim(line_at(text, pos));
    if (pos >= text.size() || !continues_title(title, line)) break;
    title += ' ';
    title += line;
  }
  return collapse_spaces(title);
}

// The title printed under a bare heading ("Chương I" / "NHỮNG QUY ĐỊNH
// CHUNG"): from the next non-blank line, unless that is a heading, a list
// item, or a sentence of the body.
std::string title_below(std::string_view text, std::size_t pos) {
  for (pos = next_line(text, pos); pos < text.size(); pos = next_line(text, pos)) {
    const std::string_view line = trim(line_at(text, pos));
    if (line.empty()) continue;
    const bool body = line.size() > kMaxNextLineTitleBytes || line.ends_with('.') ||
                      line.ends_with(';') || line.ends_with(':');
    if (body || heading_at(line) || marker_at(line).second > 0) return {};
    return title_from(text, pos, line);
  }
  return {};
}

// "Phần thứ nhất" -> "phan-thu-nhat": folded, runs of anything but ASCII
// letters and digits made one '-'.
std::string slug(std::string_view label) {
  std::string out;
  for (const char c : fold(label)) {
    if ((c >= 'a' && c <= 'z') || is_digit(c)) {
      out += c;
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

// Anchors: sections and subsections under their chapter (and section),
// each anchor made unique by its count.
class AnchorMaker {
 public:
  std::string make(OutlineLevel level, std::string_view label) {
    std::string anchor = slug(label);
    if (level == OutlineLevel::kSection && !chapter_.empty()) anchor = chapter_ + '-' + anchor;
    if (level == OutlineLevel::kSubsection) {
      const std::string& parent = section_.empty() ? chapter_ : section_;
      if (!parent.empty()) anchor = parent + '-' + anchor;
    }
    if (const int seen = seen_[anchor]++; seen > 0) anchor += '-' + std::to_string(seen + 1);
    if (level == OutlineLevel::kPart) chapter_.clear();
    if (level <= OutlineLevel::kChapter) section_.clear();
    if (level == OutlineLevel::kChapter) chapter_ = anchor;
    if (level == OutlineLevel::kSection) section_ = anchor;
    return anchor;
  }

 private:
  std::unordered_map<std::string, int> seen_;
  std::string chapter_;
  std::string section_;
};

}  // namespace

std::vector<OutlineEntry> read_outline(std::string_view text) {
  // An amending text quotes whole articles: not the document's own.
  const std::vector<Span> quotes = quoted_spans(text);
  AnchorMaker anchors;
  std::vector<OutlineEntry> out;
  for (std::size_t pos = 0; pos < text.size(); pos = next_line(text, pos)) {
    const std::string_view line = line_at(text, pos);
    const std::optional<Heading> h = heading_at(line);
    if (!h) continue;
    const std::size_t lead = line.find_first_not_of(" \t");
    if (in_spans(quotes, pos + lead)) continue;
    OutlineEntry e;
    e.level = h->level;
    e.label = collapse_spaces(line.substr(lead, h->label_end - lead));
    e.title = truncate_with_ellipsis(h->title_start < line.size()
                                         ? title_from(text, pos, line.substr(h->title_start))
                                         : title_below(text, pos),
                                     kMaxTitleBytes);
    e.anchor = anchors.make(e.level, e.label);
    e.start = pos + lead;
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace vanban::text
