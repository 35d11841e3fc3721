#include "vanban/doc/title.h"

#include <unicode/utf8.h>

#include <cstdint>
#include <optional>
#include <set>
#include <utility>

#include "text/letter_case.h"
#include "vanban/text/chars.h"
#include "vanban/text/document_type.h"
#include "vanban/text/normalize.h"
#include "vanban/text/symbol.h"

namespace vanban::doc {
namespace {

// A collection's labels are short: the 30 topic titles of phapluat8 have 2
// to 4 words ("Thuế TNCN", "Chính sách doanh nghiệp"); its real titles and
// news headlines are longer or name a type or a symbol.
constexpr std::size_t kMaxLabelWords = 6;
// Records sharing a short title before it reads as a label: on phapluat8
// each topic title is shared by 23 to 50 records; two records may share a
// real short title by chance.
constexpr std::size_t kMinSharedRecords = 3;

// True if `folded` holds a document type's name as whole words.
bool names_a_type(const std::string& folded) {
  const std::string padded = " " + folded + " ";
  for (const std::string_view name : text::document_type_names()) {
    if (padded.find(" " + text::fold(name) + " ") != std::string::npos) return true;
  }
  return false;
}

bool is_type_name(const std::string& folded) {
  for (const std::string_view name : text::document_type_names()) {
    if (folded == text::fold(name)) return true;
  }
  return false;
}

std::set<std::string> symbol_keys(std::string_view s) {
  std::set<std::string> keys;
  for (const text::Symbol& sym : text::find_symbols(s)) keys.insert(sym.key);
  return keys;
}

// Types whose subject is the act's own name: "Luật Bảo hiểm xã hội".
bool is_named_act(std::string_view type) {
  return type == "Luật" || type == "Bộ luật" || type == "Pháp lệnh" || type == "Hiến pháp";
}

// A group of four digits after the number: "30/2020/NĐ-CP"; the number
// itself ("1478/QĐ-BLĐTBXH") is no year.
bool symbol_has_year(std::string_view symbol) {
  for (std::size_t i = 1; i + 4 <= symbol.size(); ++i) {
    const bool starts = symbol[i - 1] == '/' || symbol[i - 1] == '-';
    const bool ends = i + 4 == symbol.size() || symbol[i + 4] == '/' || symbol[i + 4] == '-';
    if (starts && ends && symbol.substr(i, 4).find_first_not_of("0123456789") == std::string_view::npos) {
      return true;
    }
  }
  return false;
}

// The subject as the end of a title: "V/v phát động ..." -> "về việc phát
// động ...", "Quy định chi tiết ..." -> "quy định chi tiết ..." (an acronym
// keeps its capitals).
std::string subject_phrase(std::string_view subject) {
  const std::string s = text::collapse_spaces(subject);
  const std::string folded = text::fold(text::utf8_prefix(s, 8));
  if (folded.starts_with("v/v")) return "về việc " + std::string(text::trim(std::string_view(s).substr(3)));
  const std::string first_word = s.substr(0, s.find(' '));
  return text::all_upper(first_word) && first_word.size() > 1 ? s : text::with_first_lower(s);
}

// A law's name as the end of its type: "Bảo hiểm xã hội" stays a name,
// "Sửa đổi, bổ sung ..." is a phrase ("Luật sửa đổi, bổ sung ...").
std::string act_name(std::string_view subject) {
  const std::string s = text::collapse_spaces(subject);
  const std::string folded = text::fold(text::utf8_prefix(s, 12));
  return folded.starts_with("sua doi") || folded.starts_with("bo sung") ? text::with_first_lower(s) : s;
}

// "Nghị định 30/2020/NĐ-CP", "Quyết định 892/QĐ-TTg năm 2026".
std::string type_and_symbol(std::string_view type, const DocumentRecord& r) {
  std::string out(type);
  if (r.symbol.empty()) return out;
  out += (out.empty() ? "" : " ") + r.symbol;
  if (!symbol_has_year(r.symbol) && r.date.size() >= 4) out += " năm " + r.date.substr(0, 4);
  return out;
}

void append(std::string& out, std::string_view part) {
  if (part.empty()) return;
  if (!out.empty()) out += ' ';
  out += part;
}

// What a consolidated text consolidates: "Luật Bảo hiểm y tế", "Thông tư
// hướng dẫn ...".
std::string consolidated(const DocumentRecord& r) {
  const auto type = r.metadata.find("consolidated_type");
  const std::string t = type == r.metadata.end() ? "" : type->second;
  std::string out = t;
  append(out, is_named_act(t) ? act_name(r.subject) : subject_phrase(r.subject));
  return out;
}

// What a character reference at the start of `s` stands for, and its
// length: "&amp;", "&#224;", "&#x1EAD;". std::nullopt if `s` does not start
// with a well-formed one.
struct Reference {
  std::string text;
  std::size_t length = 0;
};
std::optional<Reference> reference_at(std::string_view s) {
  static const std::pair<std::string_view, std::string_view> kNamed[] = {
      {"&amp;", "&"}, {"&lt;", "<"},   {"&gt;", ">"},
      {"&quot;", "\""}, {"&apos;", "'"}, {"&nbsp;", " "}};
  for (const auto& [name, value] : kNamed) {
    if (s.starts_with(name)) return Reference{std::string(value), name.size()};
  }
  if (!s.starts_with("&#")) return std::nullopt;
  const bool hex = s.size() > 2 && (s[2] == 'x' || s[2] == 'X');
  const std::size_t from = hex ? 3 : 2;
  const std::size_t semi = s.find(';', from);
  if (semi == std::string_view::npos) return std::nullopt;
  const std::string_view digits = s.substr(from, semi - from);
  constexpr std::size_t kMaxDigits = 7;  // "1114111", U+10FFFF in decimal
  if (digits.empty() || digits.size() > kMaxDigits ||
      digits.find_first_not_of(hex ? "0123456789abcdefABCDEF" : "0123456789") != std::string_view::npos) {
    return std::nullopt;
  }
  const long code = std::stol(std::string(digits), nullptr, hex ? 16 : 10);
  if (code <= 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return std::nullopt;
  char buf[4];
  int32_t n = 0;
  U8_APPEND_UNSAFE(buf, n, static_cast<UChar32>(code));
  return Reference{std::string(buf, static_cast<std::size_t>(n)), semi + 1};
}

}  // namespace

void TitleCounts::add(std::string_view title) { ++counts_[text::collapse_spaces(title)]; }

std::size_t TitleCounts::count(std::string_view title) const {
  const auto it = counts_.find(text::collapse_spaces(title));
  return it == counts_.end() ? 0 : it->second;
}

bool is_generic_title(std::string_view title, std::size_t records_with_title,
                      const std::vector<std::string>& labels) {
  const std::string t = text::collapse_spaces(title);
  if (t.empty()) return true;
  const std::set<std::string> symbols = symbol_keys(t);
  if (symbols.size() >= 2) return true;
  const std::string folded = text::fold(t);
  for (const std::string& label : labels) {
    if (!label.empty() && text::fold(text::collapse_spaces(label)) == folded) return true;
  }
  if (!symbols.empty()) return false;
  if (is_type_name(folded)) return true;
  return text::count_words(t) <= kMaxLabelWords && !names_a_type(folded) &&
         records_with_title >= kMinSharedRecords;
}

std::string display_title(const DocumentRecord& r) {
  if (r.symbol.empty() && r.subject.empty()) return {};
  std::string out;
  if (r.type == "Văn bản hợp nhất") {
    out = type_and_symbol(r.type, r);
    if (!r.subject.empty()) append(out, "hợp nhất " + consolidated(r));
  } else if (is_named_act(r.type)) {
    out = r.type;
    append(out, act_name(r.subject));
    append(out, r.symbol);
  } else {
    out = type_and_symbol(r.type, r);
    append(out, r.subject.empty() ? "" : subject_phrase(r.subject));
  }
  return out;
}

std::string decode_character_references(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] == '&') {
      if (const auto ref = reference_at(s.substr(i))) {
        out += ref->text;
        i += ref->length;
        continue;
      }
    }
    out += s[i++];
  }
  return out;
}

}  // namespace vanban::doc
