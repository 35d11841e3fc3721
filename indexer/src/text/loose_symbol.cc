#include "vanban/text/loose_symbol.h"

#include <algorithm>

#include "vanban/text/document_type.h"
#include "vanban/text/normalize.h"
#include "vanban/text/symbol.h"

namespace vanban::text {
namespace {

// Longest type name in words: "Văn bản hợp nhất", "Thông tư liên tịch".
constexpr std::size_t kMaxTypeWords = 4;
// A typed year: the State's documents since 1945, and this century.
constexpr int kFirstYear = 1945;
constexpr int kLastYear = 2099;
// What may stand between the parts of a loosely typed symbol: " / ", " - ".
constexpr std::size_t kMaxGapBytes = 3;

bool is_digits(std::string_view s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
}

std::string without_leading_zeros(std::string_view digits) {
  const std::size_t first = std::min(digits.find_first_not_of('0'), digits.size() - 1);
  return std::string(digits.substr(first));
}

// Letters of a code as people type them: ASCII letters and đ/Đ only, so a
// word with a tone mark ("đã", "cá") is never a code.
bool code_letters(std::string_view s) {
  if (s.empty()) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) continue;
    if (c == 0xC4 && i + 1 < s.size() && (s[i + 1] == '\x90' || s[i + 1] == '\x91')) {
      ++i;
      continue;
    }
    return false;
  }
  return fold(s).size() <= kMaxSymbolCodeLetters;
}

bool known_code(std::string_view folded) {
  return !type_for_code(folded).empty() || !issuer_for_code(folded).empty();
}

// A typed code stands for a key's letter group: the same, or the group
// with a term number added ("qh" for "qh14").
bool code_matches(std::string_view typed, std::string_view group) {
  if (typed == group) return true;
  if (group.size() <= typed.size() || group.compare(0, typed.size(), typed) != 0) return false;
  return is_digits(group.substr(typed.size())) && !is_digits(typed.substr(typed.size() - 1));
}

// A symbol key split into its parts: "111/2022/nd-cp" -> 111, 2022, {nd, cp}.
struct KeyParts {
  std::string_view number, year;
  std::vector<std::string_view> groups;
};

KeyParts split_key(std::string_view key) {
  KeyParts parts;
  std::size_t end = key.find_first_of("-/");
  parts.number = key.substr(0, end);
  while (end != std::string_view::npos) {
    const std::size_t start = end + 1;
    end = key.find_first_of("-/", start);
    const std::string_view group = key.substr(start, end == std::string_view::npos ? end : end - start);
    if (parts.groups.empty() && parts.year.empty() && is_digits(group)) {
      parts.year = group;
    } else {
      parts.groups.push_back(group);
    }
  }
  return parts;
}

SymbolPattern pattern_of_key(std::string_view key) {
  const KeyParts parts = split_key(key);
  SymbolPattern p{.number = std::string(parts.number), .year = std::string(parts.year)};
  for (std::size_t i = 0; i < parts.groups.size(); ++i) {
    (i == 0 ? p.first_codes : p.more_codes).emplace_back(parts.groups[i]);
  }
  return p;
}

// Reads a loose symbol from a query's tokens, token by token.
class LooseReader {
 public:
  LooseReader(std::string_view text, const std::vector<Token>& tokens)
      : text_(text), tokens_(tokens) {}

  // The loose symbol whose first token is `i`; a printed symbol (after its
  // type or alone) only with `printed`.
  std::optional<LooseSymbol> read(std::size_t i, bool printed) const;

 private:
  std::string_view gap_before(std::size_t k) const {
    return text_.substr(tokens_[k - 1].end, tokens_[k].start - tokens_[k - 1].end);
  }
  bool spaces_before(std::size_t k) const {
    return gap_before(k).find_first_not_of(' ') == std::string_view::npos;
  }
  // Only spaces, dashes and slashes, and few of them: "111/2022", "nd-cp".
  bool symbol_gap_before(std::size_t k) const {
    const std::string_view gap = gap_before(k);
    return gap.size() <= kMaxGapBytes && gap.find_first_not_of(" -/") == std::string_view::npos;
  }
  bool joined_before(std::size_t k) const { return gap_before(k).find_first_of("-/") != std::string_view::npos; }

  std::vector<std::string> type_codes(std::size_t i, std::size_t* next) const;
  std::optional<std::string> year_at(std::size_t k) const;
  std::vector<std::string> codes_from(std::size_t* k) const;
  std::optional<LooseSymbol> number_first(std::size_t i, std::size_t k,
                                          std::vector<std::string> type) const;

  std::string_view text_;
  const std::vector<Token>& tokens_;
};

// The codes a type name or abbreviation of tokens i.. stands for, longest
// name first ("Chỉ thị" or "CT" -> {"ct"}, "Quy định" -> {"qdi", "qd"}),
// from the one table of document types; `next` is the token after it.
std::vector<std::string> LooseReader::type_codes(std::size_t i, std::size_t* next) const {
  for (std::size_t len = std::min(kMaxTypeWords, tokens_.size() - i); len >= 1; --len) {
    std::string typed;
    bool words = true;
    for (std::size_t k = i; k < i + len && words; ++k) {
      words = tokens_[k].kind == TokenKind::kWord && (k == i || spaces_before(k));
      typed += (typed.empty() ? "" : " ") + tokens_[k].exact;
    }
    if (!words) continue;
    std::vector<std::string> codes;
    for (const std::string_view code : codes_for_type(typed)) codes.push_back(fold(code));
    // An abbreviation alone ("CT", "nd"; not one letter, "L" is no Lệnh).
    if (len == 1 && codes.empty() && typed.size() > 1 && code_letters(typed) &&
        !type_for_code(typed).empty()) {
      codes.push_back(fold(typed));
    }
    codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
    if (codes.empty()) continue;
    *next = i + len;
    return codes;
  }
  return {};
}

std::optional<std::string> LooseReader::year_at(std::size_t k) const {
  if (k >= tokens_.size() || tokens_[k].kind != TokenKind::kNumber || !symbol_gap_before(k)) {
    return std::nullopt;
  }
  const std::string& digits = tokens_[k].folded;
  if (digits.size() != 4 || !is_digits(digits)) return std::nullopt;
  const int year = std::stoi(digits);
  if (year < kFirstYear || year > kLastYear) return std::nullopt;
  return digits;
}

// Letter groups from token *k on: each a known code, or joined to the one
// before it by a dash or slash ("ubnd-th"); a term number may follow a
// code ("qh14"). *k ends after the last one.
std::vector<std::string> LooseReader::codes_from(std::size_t* k) const {
  std::vector<std::string> codes;
  for (; *k < tokens_.size() && symbol_gap_before(*k); ++*k) {
    const Token& t = tokens_[*k];
    const std::size_t digits = t.exact.find_first_of("0123456789");
    const std::string_view letters = std::string_view(t.exact).substr(0, digits);
    if (!code_letters(letters) || (digits != std::string::npos && !is_digits(t.exact.substr(digits)))) break;
    const std::string code = fold(t.exact);
    if (!known_code(code) && (codes.empty() || !joined_before(*k))) break;
    codes.push_back(code);
  }
  return codes;
}

// Number [year] [codes] from token k, after type codes `type` (maybe none)
// read from token i.
std::optional<LooseSymbol> LooseReader::number_first(std::size_t i, std::size_t k,
                                                     std::vector<std::string> type) const {
  SymbolPattern p;
  const Token& t = tokens_[k];
  const std::size_t letters = t.exact.find_first_not_of("0123456789");
  if (t.kind == TokenKind::kWord && letters != std::string::npos && letters > 0 && type.empty()) {
    // "34ct": the number and its first code in one token.
    const std::string code = fold(t.exact.substr(letters));
    if (letters > kMaxSymbolNumberDigits || !code_letters(t.exact.substr(letters)) || !known_code(code)) {
      return std::nullopt;
    }
    p.number = without_leading_zeros(t.exact.substr(0, letters));
    type = {code};
  } else if (t.kind == TokenKind::kNumber && is_digits(t.folded) && t.folded.size() <= kMaxSymbolNumberDigits) {
    p.number = t.folded;
  } else {
    return std::nullopt;
  }
  std::size_t next = k + 1;
  if (const auto year = year_at(next)) {
    p.year = *year;
    ++next;
  }
  std::vector<std::string> codes = codes_from(&next);
  if (!type.empty() && !codes.empty() &&
      std::any_of(type.begin(), type.end(), [&](const std::string& c) { return code_matches(c, codes[0]); })) {
    type = {codes[0]};  // the type's own code, typed again: "chi thi 34 ct tw"
    codes.erase(codes.begin());
  }
  if (type.empty()) {
    // Without a type word: a type code, or more than one code or a year.
    if (codes.empty() || (codes.size() == 1 && p.year.empty() && type_for_code(codes[0]).empty())) {
      return std::nullopt;
    }
    type = {codes[0]};
    codes.erase(codes.begin());
  }
  p.first_codes = std::move(type);
  p.more_codes = std::move(codes);
  return LooseSymbol{std::move(p), i, next};
}

std::optional<LooseSymbol> LooseReader::read(std::size_t i, bool printed) const {
  std::size_t k = i;
  std::vector<std::string> type = type_codes(i, &k);
  if (!type.empty() && k < tokens_.size() && tokens_[k].folded == "so" && spaces_before(k)) ++k;
  if (k >= tokens_.size() || (k > i && !spaces_before(k))) return std::nullopt;
  const Token& t = tokens_[k];
  if (t.kind == TokenKind::kSymbol) {
    if (!printed) return std::nullopt;
    return LooseSymbol{pattern_of_key(t.folded), i, k + 1};
  }
  // "CT34": a type code and the number in one token.
  const std::size_t digits = t.exact.find_first_of("0123456789");
  if (type.empty() && t.kind == TokenKind::kNumber && digits != std::string::npos && digits > 1) {
    const std::string letters = t.exact.substr(0, digits);
    if (!code_letters(letters) || type_for_code(letters).empty() || !is_digits(t.exact.substr(digits)) ||
        t.exact.size() - digits > kMaxSymbolNumberDigits) {
      return std::nullopt;
    }
    LooseSymbol found{{.number = without_leading_zeros(t.exact.substr(digits)), .first_codes = {fold(letters)}},
                      i, k + 1};
    if (const auto year = year_at(k + 1)) {
      found.pattern.year = *year;
      ++found.end;
    }
    return found;
  }
  return number_first(i, k, std::move(type));
}

}  // namespace

bool SymbolPattern::matches(std::string_view key) const {
  const KeyParts parts = split_key(key);
  if (parts.number != number || (!year.empty() && parts.year != year)) return false;
  if (parts.groups.size() < 1 + more_codes.size()) return false;
  const auto first = std::find_if(first_codes.begin(), first_codes.end(),
                                  [&](const std::string& c) { return code_matches(c, parts.groups[0]); });
  if (first == first_codes.end()) return false;
  for (std::size_t i = 0; i < more_codes.size(); ++i) {
    if (!code_matches(more_codes[i], parts.groups[i + 1])) return false;
  }
  return true;
}

std::vector<std::string> SymbolPattern::key_prefixes() const { return {number + "-", number + "/"}; }

std::vector<LooseSymbol> find_loose_symbols(std::string_view text, const std::vector<Token>& tokens) {
  const LooseReader reader(text, tokens);
  std::vector<LooseSymbol> out;
  for (std::size_t i = 0; i < tokens.size();) {
    if (auto found = reader.read(i, /*printed=*/false)) {
      i = found->end;
      out.push_back(std::move(*found));
    } else {
      ++i;
    }
  }
  return out;
}

std::optional<SymbolPattern> parse_loose_symbol(std::string_view text) {
  thread_local Tokenizer tokenizer({.accept_lower_case = true});
  const std::string nfc = to_nfc(text);
  const std::vector<Token> tokens = tokenizer.tokenize(nfc);
  if (tokens.empty()) return std::nullopt;
  auto found = LooseReader(nfc, tokens).read(0, /*printed=*/true);
  if (!found || found->end != tokens.size()) return std::nullopt;
  return std::move(found->pattern);
}

}  // namespace vanban::text
