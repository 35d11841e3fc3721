#include "vanban/doc/gazette.h"

#include "doc/header_lines.h"
#include "text/letter_case.h"
#include "vanban/text/chars.h"
#include "vanban/text/date.h"
#include "vanban/text/normalize.h"

namespace vanban::doc {
namespace {

using text::Furniture;
using Lines = std::vector<std::string_view>;

// A header, from the issuer to the consolidation sentence of a
// consolidated text, fits in this many non-blank lines at the top of a
// page (the longest seen on phapluat8: 22, a consolidated decree with a
// four-line subject and a five-line sentence).
constexpr std::size_t kHeaderWindowLines = 26;


// What the top of a page holds, line by line.
struct HeaderSigns {
  bool motto = false;
  bool type_heading = false;
  bool numbered = false;       // "Số: 21/CT-TTg", "Luật số: 41/2024/QH15"
  bool dated = false;          // "Hà Nội, ngày 20 tháng 5 năm 2026"
  bool consolidation = false;  // "... được sửa đổi, bổ sung bởi:"
};

void read_sign(std::string_view line, HeaderSigns& s) {
  const std::string cleaned = clean_line(line);
  const std::string folded = fold_head(cleaned);
  s.motto |= is_motto_line(folded) || folded.find("cong hoa xa hoi chu nghia") != std::string::npos;
  s.type_heading |= type_heading(cleaned).has_value();
  if (is_number_line(folded)) s.numbered |= !read_number_line(cleaned).symbol.empty();
  if (const auto comma = folded.find(", ngay"); comma != std::string::npos) {
    // A full date: a form's "..., ngày ... tháng ... năm ..." has none.
    s.dated |= text::parse_date(cleaned.substr(cleaned.find(',') + 1)).size() == 10;
  }
  s.consolidation |= text::fold(cleaned).find("duoc sua doi, bo sung") != std::string::npos;
}

// True if the page whose first content line is `i` opens with a document
// header.
bool opens_document(const Lines& lines, std::size_t i) {
  while (i < lines.size() && (text::is_blank(lines[i], true) || text::is_page_furniture(lines[i]))) ++i;
  if (i == lines.size()) return false;
  // The issuer's capitals, or the motto itself, open the page; a form
  // opens with its caption ("Mẫu số 06. Quyết định ...").
  const std::string issuer = before_motto(clean_line(lines[i]));
  if (!issuer.empty() && !text::all_upper(issuer)) return false;
  HeaderSigns s;
  for (std::size_t seen = 0; i < lines.size() && seen < kHeaderWindowLines; ++i) {
    if (text::is_blank(lines[i], true)) continue;
    read_sign(lines[i], s);
    ++seen;
  }
  return s.motto && s.type_heading && (s.numbered || s.dated || s.consolidation);
}

// True if lines [from, to) hold nothing but furniture and blanks: the
// same page's top.
bool only_furniture(const Lines& lines, std::size_t from, std::size_t to) {
  for (std::size_t i = from; i < to; ++i) {
    if (!text::is_blank(lines[i], true) && !text::is_page_furniture(lines[i])) return false;
  }
  return true;
}

// The first line of each page: the start of the text, and each running
// head, or the page number printed just before it.
std::vector<std::size_t> page_starts(const Lines& lines) {
  std::vector<std::size_t> out = {0};
  for (std::size_t i = 1; i < lines.size(); ++i) {
    if (text::page_furniture(lines[i]) != Furniture::kRunningHead) continue;
    std::size_t start = i;
    std::size_t before = i;
    while (before > 0 && text::is_blank(lines[before - 1], true)) --before;
    if (before > 0 && text::page_furniture(lines[before - 1]) == Furniture::kPageNumber) {
      start = before - 1;
    }
    if (!only_furniture(lines, out.back(), start)) out.push_back(start);
  }
  return out;
}

std::size_t byte_offset(std::string_view text, const Lines& lines, std::size_t line) {
  return line < lines.size() ? static_cast<std::size_t>(lines[line].data() - text.data())
                             : text.size();
}

}  // namespace

std::vector<GazettePart> split_gazette(std::string_view text) {
  const Lines lines = text::split_lines(text);
  std::vector<std::size_t> starts;
  for (const std::size_t page : page_starts(lines)) {
    if (opens_document(lines, page)) starts.push_back(page);
  }
  if (starts.size() < 2) return {{0, text.size()}};
  std::vector<GazettePart> parts;
  for (std::size_t k = 0; k < starts.size(); ++k) {
    const std::size_t end = k + 1 < starts.size() ? starts[k + 1] : lines.size();
    parts.push_back({byte_offset(text, lines, starts[k]), byte_offset(text, lines, end)});
  }
  return parts;
}

std::string gazette_issue(std::string_view text) {
  for (const std::string_view line : text::split_lines(text)) {
    if (text::page_furniture(line) != Furniture::kRunningHead) continue;
    const std::string head = text::collapse_spaces(line);
    // "64 CÔNG BÁO/...": the page number is not the issue's; "(Xem tiếp
    // Công báo số ...)" names the next issue.
    // A cover's bare title "CÔNG BÁO" names no issue.
    const std::size_t at = head.find("CÔNG BÁO");
    if (at == std::string::npos) continue;
    const std::string_view issue = text::trim(std::string_view(head).substr(at));
    if (issue != "CÔNG BÁO") return std::string(issue);
  }
  return {};
}

}  // namespace vanban::doc
