#include "doc/legal_header.h"

#include <optional>
#include <string>
#include <vector>

#include "doc/header_lines.h"
#include "text/letter_case.h"
#include "vanban/text/chars.h"
#include "vanban/text/date.h"
#include "vanban/text/document_type.h"
#include "vanban/text/normalize.h"
#include "vanban/text/symbol.h"

namespace vanban::doc {
namespace {

// The subject under a type heading wraps over a few lines (the longest on
// phapluat8: 5, a decision "Về việc bổ sung ..."); more is the body.
constexpr std::size_t kMaxSubjectLines = 6;
// The sentence naming what a consolidated text consolidates follows its
// subject within a few lines, before the preamble.
constexpr std::size_t kConsolidationLines = 4;

// Lines that open the body after the header: the preamble, a chapter, an
// article, a part, an enacting sentence.
bool opens_body(const std::string& folded) {
  static constexpr std::string_view kStarts[] = {"can cu", "chuong ", "dieu ", "phan thu",
                                                 "theo de nghi", "xet ", "quoc hoi ban hanh",
                                                 "chinh phu ban hanh"};
  for (const std::string_view s : kStarts) {
    if (folded.starts_with(s)) return true;
  }
  return false;
}

// "BẢO HIỂM XÃ HỘI" -> "Bảo hiểm xã hội"; running text is kept.
std::string running_text(const std::string& s) {
  return text::all_upper(s) ? text::with_first_upper(text::to_lower(s)) : s;
}

// The subject lines from `i`, and where they end.
std::string read_heading_subject(const std::vector<std::string>& lines, std::size_t& i,
                                 std::string subject) {
  const std::size_t last = i + kMaxSubjectLines;
  for (; i < lines.size() && i < last; ++i) {
    const std::string& line = lines[i];
    if (line.empty() || is_rule_line(line)) {
      if (subject.empty()) continue;
      break;
    }
    const std::string folded = fold_head(line);
    if (opens_body(folded) || type_heading(line)) break;
    if (!subject.empty() && text::all_upper(line) != text::all_upper(subject)) break;
    subject += (subject.empty() ? "" : " ") + line;
  }
  return running_text(without_footnote_marks(text::collapse_spaces(subject)));
}

// The first symbol in the few lines after the subject, up to the body.
std::string first_symbol_after(const std::vector<std::string>& lines, std::size_t i) {
  for (const std::size_t last = i + kConsolidationLines; i < lines.size() && i < last; ++i) {
    if (opens_body(fold_head(lines[i]))) break;
    const std::vector<text::Symbol> symbols = text::find_symbols(lines[i]);
    if (!symbols.empty()) return symbols.front().display;
  }
  return {};
}

// "Chính phủ Chính phủ" -> "Chính phủ".
std::string_view once(std::string_view s) {
  if (s.size() % 2 == 0 || s.size() < 3) return s;
  const std::size_t half = s.size() / 2;
  if (s[half] == ' ' && s.substr(0, half) == s.substr(half + 1)) return s.substr(0, half);
  return s;
}

}  // namespace

std::optional<LegalHeading> read_legal_heading(const std::vector<std::string>& lines) {
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::optional<TypeHeading> heading = type_heading(lines[i]);
    if (!heading) continue;
    LegalHeading out;
    out.line = i;
    out.type = heading->type;
    std::size_t next = i + 1;
    out.subject = read_heading_subject(lines, next, heading->name);
    out.consolidates = first_symbol_after(lines, next);
    return out;
  }
  return std::nullopt;
}

std::string passing_date(const std::vector<std::string>& lines) {
  static constexpr std::string_view kPassed = "thong qua ngay";
  // Each line folded once (folding is the cost here; fold() of two lines
  // joined by a space is their folds joined by it), and only where a q or
  // Q, the one letter that folds to the phrase's 'q', can start it.
  std::vector<std::optional<std::string>> folded(lines.size());
  auto fold_of = [&](std::size_t i) -> const std::string& {
    if (!folded[i]) folded[i] = text::fold(lines[i]);
    return *folded[i];
  };
  auto has_q = [&](std::size_t i) { return i < lines.size() && lines[i].find_first_of("qQ") != std::string::npos; };
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (!has_q(i) && !has_q(i + 1)) continue;
    // The date may wrap onto the next line.
    const std::string joined = fold_of(i) + (i + 1 < lines.size() ? " " + fold_of(i + 1) : std::string());
    const std::size_t at = joined.find(kPassed);
    if (at == std::string::npos) continue;
    const std::string date = text::parse_date(std::string_view(joined).substr(at + kPassed.size() - 4));
    if (!date.empty()) return date;
  }
  return {};
}

std::string canonical_issuer(std::string_view issuer) {
  const std::string_view name = once(text::trim(issuer));
  const std::string folded = text::fold(name);
  for (const std::string_view known : text::issuer_names()) {
    if (text::fold(known) == folded) return std::string(known);
  }
  return std::string(name);
}

}  // namespace vanban::doc
