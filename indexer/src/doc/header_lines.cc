#include "doc/header_lines.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdint>

#include "text/letter_case.h"
#include "vanban/text/chars.h"
#include "vanban/text/document_type.h"
#include "vanban/text/normalize.h"
#include "vanban/text/symbol.h"

namespace vanban::doc {
namespace {

// The motto's first words, folded ("CỘNG HOÀ" and "CỘNG HÒA" fold alike).
constexpr std::string_view kMotto = "cong hoa xa hoi chu nghia viet nam";
// What converters put around header lines, left out by clean_line().
constexpr std::string_view kMarkdownMarks = "*#_";
// fold_head(): the bytes of a line that hold its keywords.
constexpr std::size_t kHeadBytes = 120;

// A blank-number suffix is short and has no spaces.
constexpr std::size_t kMaxSuffixBytes = 40;

// Units written with a power ("50 m2", "km2") are not footnotes.
bool is_unit(std::string_view word) {
  static constexpr std::array<std::string_view, 5> kUnits = {"m", "km", "cm", "mm", "dm"};
  for (const std::string_view u : kUnits) {
    if (word == u) return true;
  }
  return false;
}

// The number line's label ("Số", "Luật số", "Bộ luật số") and the colon or
// spaces after it, skipped: the symbol's part of the line.
std::string_view after_number_label(std::string_view line) {
  const std::string folded = fold_head(line);
  std::size_t words = 1;
  if (folded.starts_with("luat so")) words = 2;
  if (folded.starts_with("bo luat so")) words = 3;
  std::size_t at = 0;
  for (std::size_t w = 0; w < words; ++w) {
    at = line.find_first_not_of(' ', at);
    at = line.find_first_of(" :", at);
    if (at == std::string_view::npos) return {};
  }
  return text::trim(line.substr(at), ":");
}

// The symbol's part of a number line that goes on with the place and date:
// up to a '|' column separator or a run of spaces between columns.
std::string_view symbol_column(std::string_view rest) {
  rest = rest.substr(0, rest.find('|'));
  rest = rest.substr(0, rest.find("  "));
  return text::trim(rest);
}

}  // namespace

std::string clean_line(std::string_view line) { return text::collapse_spaces(line, kMarkdownMarks); }


std::string fold_head(std::string_view line) { return text::fold(text::utf8_prefix(line, kHeadBytes)); }

std::string clean_fold_head(std::string_view raw_line) {
  return fold_head(text::collapse_spaces(raw_line, kMarkdownMarks, kHeadBytes));
}

bool is_motto_line(std::string_view folded) {
  return folded.starts_with(kMotto) || folded.starts_with("doc lap - tu do") ||
         folded.starts_with("doc lap – tu do") || folded.starts_with("dang cong san viet nam");
}

std::string before_motto(std::string_view line) {
  const std::string folded = text::fold(line);
  const std::size_t motto = folded.find(kMotto);
  const std::size_t bar = line.find('|');
  if (motto == std::string::npos && bar == std::string_view::npos) return std::string(text::trim(line));
  // fold() keeps the byte length of ASCII, not of Vietnamese letters: find
  // the motto's "C" in the line itself, counting the letters before it.
  std::size_t cut = bar;
  if (motto != std::string::npos) {
    const std::size_t letters_before = text::code_point_offset(folded, motto);
    std::size_t i = 0, points = 0;
    while (i < line.size() && points < letters_before) {
      i += 1;
      while (i < line.size() && (static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) ++i;
      ++points;
    }
    cut = std::min(cut, i);
  }
  return std::string(text::trim(line.substr(0, cut), "|"));
}

bool is_rule_line(std::string_view line) {
  const std::string_view t = text::trim(line);
  return !t.empty() && t.find_first_not_of("_-*.=– ") == std::string_view::npos;
}

std::optional<TypeHeading> type_heading(std::string_view line) {
  // A heading is upper-case, and no step below drops a letter: a line with
  // an ASCII lower-case letter (a paragraph) is not one.
  if (std::any_of(line.begin(), line.end(), [](char c) { return c >= 'a' && c <= 'z'; })) return std::nullopt;
  const std::string cleaned = without_footnote_marks(clean_line(line));
  std::string_view t = text::trim(cleaned);
  while (!t.empty() && t.back() >= '0' && t.back() <= '9') t.remove_suffix(1);  // "THÔNG TƯ1"
  t = text::trim(t);
  if (t.empty() || !text::all_upper(t)) return std::nullopt;
  const std::string folded = text::fold(t);
  for (const std::string_view name : text::document_type_names()) {
    if (folded == text::fold(name)) return TypeHeading{std::string(name), {}};
  }
  // A law's name on the type's line: "LUẬT CÔNG ĐOÀN", "BỘ LUẬT DÂN SỰ".
  for (const std::string_view law : {std::string_view("bo luat "), std::string_view("luat ")}) {
    if (!folded.starts_with(law)) continue;
    const std::size_t words = law == "luat " ? 1 : 2;
    std::size_t at = 0;
    for (std::size_t w = 0; w < words; ++w) at = t.find(' ', at) + 1;
    return TypeHeading{law == "luat " ? "Luật" : "Bộ luật", std::string(text::trim(t.substr(at)))};
  }
  return std::nullopt;
}

bool is_number_line(std::string_view folded) {
  for (const std::string_view label : {"so:", "so ", "luat so:", "luat so ", "bo luat so"}) {
    if (folded.starts_with(label)) return true;
  }
  return false;
}

NumberLine read_number_line(std::string_view line) {
  NumberLine out;
  const std::string_view rest = after_number_label(line);
  const std::string_view column = symbol_column(rest);
  if (auto sym = text::parse_symbol(column)) {
    out.symbol = sym->display;
  } else if (auto first = text::parse_symbol(column.substr(0, column.find(' ')))) {
    out.symbol = first->display;
  } else if (column.size() > 1 && column.size() < kMaxSuffixBytes && column[0] == '/' &&
             column.find(' ') == std::string_view::npos) {
    out.unnumbered = std::string(column);
  }
  return out;
}

std::string without_footnote_marks(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  const auto n = static_cast<int32_t>(s.size());
  std::size_t word_start = 0;  // in `out`
  bool after_lower = false;
  for (int32_t i = 0; i < n;) {
    const int32_t at = i;
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    if (c >= '0' && c <= '9' && after_lower) {
      int32_t end = i;
      while (end < n && s[static_cast<std::size_t>(end)] >= '0' && s[static_cast<std::size_t>(end)] <= '9') ++end;
      const bool ends_word = end == n || s[static_cast<std::size_t>(end)] == ' ' ||
                             s[static_cast<std::size_t>(end)] == ',' || s[static_cast<std::size_t>(end)] == ';' ||
                             s[static_cast<std::size_t>(end)] == ')';
      if (ends_word && !is_unit(std::string_view(out).substr(word_start))) {
        i = end;
        after_lower = false;
        continue;
      }
    }
    out.append(s.substr(static_cast<std::size_t>(at), static_cast<std::size_t>(i - at)));
    if (c == ' ') word_start = out.size();
    after_lower = c >= 0 && u_islower(c);
  }
  return out;
}

}  // namespace vanban::doc
