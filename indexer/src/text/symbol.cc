#include "vanban/text/symbol.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cctype>

#include "vanban/text/chars.h"
#include "vanban/text/normalize.h"

namespace vanban::text {
namespace {

// A term number after QH/UBTVQH has at most this many digits ("QH15").
constexpr std::size_t kMaxTermDigits = 3;

// A cursor over UTF-8 that reads one code point at a time.
class Cursor {
 public:
  Cursor(std::string_view s, std::size_t pos) : s_(s), pos_(pos) {}
  std::size_t pos() const { return pos_; }
  void seek(std::size_t pos) { pos_ = pos; }
  bool done() const { return pos_ >= s_.size(); }
  // Code point at the cursor (U_SENTINEL at the end) and its length.
  UChar32 peek(std::size_t* len = nullptr) const {
    if (done()) return U_SENTINEL;
    int32_t i = static_cast<int32_t>(pos_);
    UChar32 c;
    U8_NEXT(s_.data(), i, static_cast<int32_t>(s_.size()), c);
    if (len) *len = static_cast<std::size_t>(i) - pos_;
    return c;
  }
  UChar32 next() {
    std::size_t len = 0;
    const UChar32 c = peek(&len);
    pos_ += len;
    return c;
  }
  // Skips spaces within a line; with `line_break`, also one line break
  // among them (PDF extraction breaks lines inside symbols:
  // "45/2019/\nQH14", "TT-\nBKHĐT").
  void skip_spaces(bool line_break = false) {
    bool broke = false;
    while (const std::size_t n = space_at(s_, pos_, line_break && !broke)) {
      broke |= s_[pos_] == '\n';
      pos_ += n;
    }
  }

 private:
  std::string_view s_;
  std::size_t pos_;
};

bool is_dash(UChar32 c) {
  return c == '-' || c == 0x2010 || c == 0x2011 || c == 0x2012 ||
         c == 0x2013 || c == 0x2014 || c == 0x2212;
}

bool is_digit(UChar32 c) { return c >= '0' && c <= '9'; }

// Code point immediately before byte offset `pos`.
UChar32 previous_code_point(std::string_view s, std::size_t pos) {
  if (pos == 0) return U_SENTINEL;
  int32_t i = static_cast<int32_t>(pos);
  UChar32 c;
  U8_PREV(s.data(), 0, i, c);
  return c;
}

// One letter group of a symbol ("CT", "QĐi") and the separator before it.
struct CodeGroup {
  char separator = 0;  // '-' or '/'
  std::string letters;
  bool has_upper = false;
};

// Reads a run of letters: one letter group of a symbol ("CT", "QĐi").
// Returns false (cursor unchanged) if there is none or it is too long.
bool read_code(Cursor& cur, CodeGroup& group) {
  const std::size_t start = cur.pos();
  std::string code;
  std::size_t letters = 0;
  bool has_upper = false;
  while (!cur.done()) {
    std::size_t len = 0;
    const UChar32 c = cur.peek(&len);
    if (!u_isalpha(c)) break;
    if (u_isupper(c)) has_upper = true;
    char buf[U8_MAX_LENGTH];
    int32_t n = 0;
    U8_APPEND_UNSAFE(buf, n, c);
    code.append(buf, static_cast<std::size_t>(n));
    cur.next();
    if (++letters > kMaxSymbolCodeLetters) break;
  }
  if (letters == 0 || letters > kMaxSymbolCodeLetters ||
      (!cur.done() && is_digit(cur.peek()))) {
    cur.seek(start);
    return false;
  }
  group.letters = std::move(code);
  group.has_upper = has_upper;
  return true;
}

// Reads "<sep><code>" where sep is a dash (spaces around it allowed) or a
// slash (none before it: "a / b" is prose). A line break may follow either.
// Returns false (cursor unchanged) if there is none.
bool read_separator_and_code(Cursor& cur, CodeGroup& group) {
  const std::size_t start = cur.pos();
  cur.skip_spaces();
  const UChar32 c = cur.peek();
  if (is_dash(c)) {
    group.separator = '-';
  } else if (c == '/' && cur.pos() == start) {
    group.separator = '/';
  } else {
    cur.seek(start);
    return false;
  }
  cur.next();
  cur.skip_spaces(/*line_break=*/true);
  if (!read_code(cur, group)) {
    cur.seek(start);
    return false;
  }
  return true;
}

std::string upper_if_all_lower(const std::string& code, bool has_upper) {
  if (has_upper) return code;
  // Only ASCII letters and đ occur in symbol codes.
  std::string out;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const unsigned char ch = static_cast<unsigned char>(code[i]);
    if (ch >= 'a' && ch <= 'z') {
      out += static_cast<char>(ch - 'a' + 'A');
    } else if (ch == 0xC4 && i + 1 < code.size() &&
               static_cast<unsigned char>(code[i + 1]) == 0x91) {
      out += "\xC4\x90";  // đ -> Đ
      ++i;
    } else {
      out += code[i];
    }
  }
  return out;
}

std::string strip_leading_zeros(std::string_view digits) {
  std::size_t i = 0;
  while (i + 1 < digits.size() && digits[i] == '0' && is_digit(digits[i + 1])) ++i;
  return std::string(digits.substr(i));
}

// At most `max` ASCII digits.
std::string read_digits(Cursor& cur, std::size_t max) {
  std::string digits;
  while (!cur.done() && is_digit(cur.peek()) && digits.size() < max) {
    digits += static_cast<char>(cur.next());
  }
  return digits;
}

// The document number: digits, or two digit runs joined by a dot
// ("66.16/2026/NQ-CP": the Government numbers resolutions of one session
// that way). "" if there is none or it is too long.
std::string read_number(Cursor& cur) {
  std::string number = read_digits(cur, kMaxSymbolNumberDigits + 1);
  if (number.empty() || number.size() > kMaxSymbolNumberDigits) return {};
  const std::size_t after = cur.pos();
  if (cur.peek() == '.') {
    cur.next();
    const std::string part = read_digits(cur, kMaxSymbolNumberDigits + 1);
    if (part.empty() || part.size() > kMaxSymbolNumberDigits || cur.peek() != '/') {
      cur.seek(after);
    } else {
      number += "." + part;
    }
  }
  return number;
}

// Party style after the number: "-TYPE/ISSUER".
bool read_party_codes(Cursor& cur, std::vector<CodeGroup>& groups) {
  CodeGroup type, issuer;
  if (!read_separator_and_code(cur, type) || type.separator != '-') return false;
  if (!read_separator_and_code(cur, issuer) || issuer.separator != '/') return false;
  groups.push_back(std::move(type));
  groups.push_back(std::move(issuer));
  return true;
}

// "/year/" after the number, which becomes part of the display; the
// cursor is left after the second slash, or unchanged if there is none.
std::string read_year(Cursor& cur) {
  const std::size_t start = cur.pos();
  cur.skip_spaces(/*line_break=*/true);
  const std::string year = read_digits(cur, 5);
  if (year.size() == 4 && cur.peek() == '/') {
    cur.next();
    cur.skip_spaces(/*line_break=*/true);
    return year;
  }
  cur.seek(start);
  return {};
}

// Laws and resolutions of the National Assembly carry its term:
// number/year/QH14, number/year/UBTVQH15.
bool read_assembly_term(Cursor& cur, std::vector<CodeGroup>& groups) {
  CodeGroup term{'/', {}, false};
  while (!cur.done() && cur.peek() < 0x80 && std::isalpha(cur.peek())) {
    term.has_upper |= std::isupper(cur.peek()) != 0;
    term.letters += static_cast<char>(cur.next());
  }
  const std::string digits = read_digits(cur, kMaxTermDigits);
  const std::string folded = fold(term.letters);
  if ((folded != "qh" && folded != "ubtvqh") || digits.empty() ||
      (!cur.done() && u_isalnum(cur.peek()))) {
    return false;
  }
  term.letters += digits;
  groups.push_back(std::move(term));
  return true;
}

// State style after the number: "/[year/]TYPE-ISSUER" or "/year/QH14".
bool read_state_codes(Cursor& cur, std::string& display, std::vector<CodeGroup>& groups) {
  cur.next();  // the slash
  const std::string year = read_year(cur);
  if (!year.empty()) display += "/" + year;
  CodeGroup type{'/', {}, false};
  if (!read_code(cur, type)) return !year.empty() && read_assembly_term(cur, groups);
  groups.push_back(std::move(type));
  CodeGroup issuer;
  if (!read_separator_and_code(cur, issuer) || issuer.separator != '-') return false;
  groups.push_back(std::move(issuer));
  return true;
}

// Further groups: 12-HD/BTGTW, 123/QĐ-UBND-VX, 72/2011/TTLT-BTC-BGTVT.
void read_more_codes(Cursor& cur, std::vector<CodeGroup>& groups) {
  CodeGroup more;
  while (read_separator_and_code(cur, more)) groups.push_back(std::move(more));
}

bool any_upper(const std::vector<CodeGroup>& groups) {
  for (const CodeGroup& g : groups) {
    if (g.has_upper) return true;
  }
  return false;
}

// A group has an upper-case letter in the display sense: ASCII capitals
// or Đ (u_isupper also counts capitals of other scripts).
bool has_display_capital(std::string_view letters) {
  for (std::size_t i = 0; i < letters.size(); ++i) {
    const unsigned char ch = static_cast<unsigned char>(letters[i]);
    if ((ch >= 'A' && ch <= 'Z') ||
        (ch == 0xC4 && i + 1 < letters.size() &&
         static_cast<unsigned char>(letters[i + 1]) == 0x90)) {
      return true;
    }
  }
  return false;
}

Symbol make_symbol(std::string_view number, std::string display,
                   const std::vector<CodeGroup>& groups, std::size_t start, std::size_t end) {
  for (const CodeGroup& g : groups) {
    display += g.separator;
    display += upper_if_all_lower(g.letters, has_display_capital(g.letters));
  }
  Symbol sym;
  sym.display = to_nfc(display);
  sym.key = fold(strip_leading_zeros(number) + sym.display.substr(number.size()));
  sym.start = start;
  sym.end = end;
  return sym;
}

// Tries to read a symbol whose number starts at `pos`.
std::optional<Symbol> read_symbol(std::string_view s, std::size_t pos,
                                  const SymbolScanOptions& options) {
  Cursor cur(s, pos);
  const std::string number = read_number(cur);
  if (number.empty()) return std::nullopt;
  std::string display = number;
  std::vector<CodeGroup> groups;
  // The separator after the number decides the style.
  const std::size_t after_number = cur.pos();
  cur.skip_spaces();
  const UChar32 sep = cur.peek();
  SymbolStyle style = SymbolStyle::kParty;
  bool read = false;
  if (is_dash(sep)) {
    cur.seek(after_number);
    read = read_party_codes(cur, groups);
  } else if (sep == '/' && cur.pos() == after_number) {
    style = SymbolStyle::kState;
    read = read_state_codes(cur, display, groups);
  }
  if (!read) return std::nullopt;
  read_more_codes(cur, groups);
  if (!options.accept_lower_case && !any_upper(groups)) return std::nullopt;
  // The symbol must end at a word boundary.
  if (!cur.done() && u_isalnum(cur.peek())) return std::nullopt;
  Symbol sym = make_symbol(number, std::move(display), groups, pos, cur.pos());
  sym.style = style;
  return sym;
}

}  // namespace

std::vector<Symbol> find_symbols(std::string_view s,
                                 const SymbolScanOptions& options) {
  std::vector<Symbol> out;
  std::size_t i = 0;
  while (i < s.size()) {
    const char ch = s[i];
    if (ch >= '0' && ch <= '9') {
      const UChar32 prev = previous_code_point(s, i);
      const bool boundary = prev == U_SENTINEL ||
                            !(u_isalnum(prev) || prev == '/' || prev == '-' ||
                              prev == '.' || prev == ',' || is_dash(prev));
      if (boundary) {
        if (auto sym = read_symbol(s, i, options)) {
          i = sym->end;
          out.push_back(std::move(*sym));
          continue;
        }
      }
      // Skip the rest of this number.
      while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
      continue;
    }
    ++i;
  }
  return out;
}

std::optional<Symbol> parse_symbol(std::string_view text) {
  const std::string nfc = to_nfc(text);
  const std::string_view trimmed = trim(nfc);
  auto found = find_symbols(trimmed, {.accept_lower_case = true});
  if (found.size() != 1 || found[0].start != 0 ||
      found[0].end != trimmed.size()) {
    return std::nullopt;
  }
  return found[0];
}

}  // namespace vanban::text
